#include "model/data/Examples.h"

#include "model/data/Dataset.h"
#include "model/io/NumberFormat.h"

namespace linlab {

namespace {

// The lesson's four students, written from Dataset::lesson() so the two never differ.
std::string lessonCsv() {
    const Dataset d = Dataset::lesson();
    std::string csv = d.featureNames()[0] + "," + d.featureNames()[1] + "," + d.labelName() + "\n";
    for (arma::uword i = 0; i < d.rowCount(); ++i)
        csv += formatDouble(d.features()(i, 0)) + "," + formatDouble(d.features()(i, 1)) + "," +
               formatDouble(d.labels()(i)) + "\n";
    return csv;
}

// Anscombe (1973), "Graphs in statistical analysis", The American Statistician 27(1), 17-21:
// four sets with the same means, variances, correlation and least-squares line y = 3 + 0.5 x.
std::string anscombeCsv() {
    const double x[11] = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
    const double x4[11] = {8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8};
    const double y[4][11] = {{8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68},
                             {9.14, 8.14, 8.74, 8.77, 9.26, 8.10, 6.13, 3.10, 9.13, 7.26, 4.74},
                             {7.46, 6.77, 12.74, 7.11, 7.81, 8.84, 6.08, 5.39, 8.15, 6.42, 5.73},
                             {6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89}};
    const char* sets[4] = {"I", "II", "III", "IV"};
    std::string csv = "set,x,y\n";
    for (int s = 0; s < 4; ++s)
        for (int i = 0; i < 11; ++i)
            csv += std::string(sets[s]) + "," + formatDouble(s == 3 ? x4[i] : x[i]) + "," +
                   formatDouble(y[s][i]) + "\n";
    return csv;
}

std::vector<Example> makeExamples() {
    std::vector<Example> all;
    Example lesson;
    lesson.name = "lesson";
    lesson.title = "The Lesson's Data";
    lesson.about = "Four students: hours studied and slept, and their exam score, with the "
                   "lesson's weights w = [4, 3] and bias b = 10.";
    lesson.csv = lessonCsv();
    lesson.label = "exam_score";
    lesson.weights = Dataset::lessonWeights();
    lesson.bias = Dataset::lessonBias();
    all.push_back(lesson);

    Example practice;
    practice.name = "practice";
    practice.title = "The Practice Exercise";
    practice.about = "The lesson's exercise: a 5 x 2 feature matrix, normalised (z-score), the "
                     "weight vector [4, 3] applied, predictions by dot product (b = 0). Press Fit "
                     "to see the weights that match the scores.";
    practice.csv = "hours_studied,hours_slept,exam_score\n"
                   "5,7,75\n3,6,60\n8,8,90\n2,5,55\n6,9,82\n";
    practice.label = "exam_score";
    practice.transform.normalization = Normalization::ZScore;
    practice.weights = {4, 3};
    all.push_back(practice);

    Example anscombe;
    anscombe.name = "anscombe";
    anscombe.title = "Anscombe's Quartet";
    anscombe.about = "Four sets of eleven points (Anscombe, 1973) with the same least-squares "
                     "line y = 3 + 0.5 x and the same R\xc2\xb2, and four different pictures.";
    anscombe.csv = anscombeCsv();
    anscombe.label = "y";
    anscombe.ignored = {"set"};
    all.push_back(anscombe);

    Example penguins;
    penguins.name = "penguins";
    penguins.title = "Palmer Penguins";
    penguins.about = "344 penguins of three species on three islands (Gorman, Williams and "
                     "Fraser, 2014; Palmer Station LTER; R package palmerpenguins by Horst, Hill "
                     "and Gorman, CC0): body mass from bill, flipper, species, island and sex, "
                     "with missing values.";
    penguins.csv = penguinsCsv();
    penguins.label = "body_mass_g";
    penguins.ignored = {"year"};
    all.push_back(penguins);
    return all;
}

} // namespace

const std::vector<Example>& Examples::all() {
    static const std::vector<Example> examples = makeExamples();
    return examples;
}

const Example* Examples::find(const std::string& name) {
    for (const Example& e : all())
        if (e.name == name)
            return &e;
    return nullptr;
}

std::string Examples::names() {
    std::string s;
    for (const Example& e : all())
        s += (s.empty() ? "" : ", ") + e.name;
    return s;
}

} // namespace linlab
