#include "ui/training/DivergenceText.h"

#include "model/training/Conditioning.h"
#include "model/training/Rounding.h"
#include "ui/common/NumberText.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace linlab;

namespace {

QString grouped(qint64 n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

QString rateText(double rate) {
    return NumberText::brief(rate, 3);
}

} // namespace

QString DivergenceText::explain(const GradientDescentResult& r, const GradientDescentSettings& run,
                                double bound, std::size_t rows) {
    const QString epochs = grouped(qint64(r.epochsRun));
    const double rate = r.learningRate;
    // Values near 1e300: the loss or the bowl's curvature is no number, so no rate can help.
    if (!std::isfinite(bound) || r.lossHistory.empty() || !std::isfinite(r.lossHistory.front()))
        return QCoreApplication::translate(
            "TrainingSession",
            "Diverged at the start: the loss or its curvature is past the largest number "
            "(values near "
            "1e300). Scale the data down.");
    // A plain run stops as soon as the loss rises; heavy ball and SGD when it passes a million
    // times the start. Neither held: the next step overflowed, so this is the last finite one.
    const double start = r.lossHistory.empty() ? 0.0 : r.lossHistory.front();
    const double last = r.lossHistory.empty() ? 0.0 : r.lossHistory.back();
    const bool monotone = run.momentum == 0.0 && (run.batchSize == 0 || run.batchSize >= rows);
    const bool overflowed =
        !(monotone ? last > start : last > GradientDescent::kDivergenceLossFactor * start);
    const QString where =
        overflowed
            ? QCoreApplication::translate("TrainingSession",
                                          "Diverged: epoch %1 overflowed, so this is epoch %2, the "
                                          "last with finite numbers")
                  .arg(grouped(qint64(r.epochsRun) + 1), epochs)
            : QCoreApplication::translate("TrainingSession", "Diverged at epoch %1").arg(epochs);
    if (std::isfinite(bound) && rate > bound)
        return QCoreApplication::translate("TrainingSession",
                                           "%1: the rate %2 is past the stable bound %3; try %4.")
            .arg(where, rateText(rate), rateText(bound), rateText(linlab::suggestedRate(bound)));
    // Under the full-batch bound: a mini-batch sees a steeper bowl than the whole data does.
    const double suggestion =
        std::min(linlab::suggestedRate(bound), roundDownSignificant(0.5 * rate, 3));
    return QCoreApplication::translate(
               "TrainingSession",
               "%1: single batches can be steeper than the whole data, so the rate %2 is too large "
               "for them "
               "although it is under the full-batch bound %3; try %4.")
        .arg(where, rateText(rate), rateText(bound), rateText(suggestion));
}
