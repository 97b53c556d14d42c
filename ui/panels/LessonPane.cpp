#include "ui/panels/LessonPane.h"

#include "ui/common/Teardown.h"

#include "app/document/Document.h"
#include "ui/common/DisplayDigits.h"
#include "ui/common/NumberText.h"

#include <QEvent>
#include <QPalette>
#include <QScrollBar>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace linlab;

namespace {

// Matrix columns past this many are elided, so a wide dataset does not push the pane sideways.
constexpr arma::uword kShownColumns = 6;

QString ellipsis() {
    return QStringLiteral("\u2026");
}

QString rowsNote(arma::uword n) {
    return LessonPane::tr("%1 rows").arg(n);
}

// "[4, 3]" or "[51, 40, 66, 33, 12, … 40 rows]": the first `limit` entries as the display
// setting says, then how many there are in all.
QString vectorText(const arma::vec& v, arma::uword limit, const QString& total) {
    QStringList parts;
    const arma::uword shown = std::min<arma::uword>(v.n_elem, limit);
    for (arma::uword i = 0; i < shown; ++i)
        parts << NumberText::shown(v(i));
    if (v.n_elem > shown)
        parts << ellipsis() + QLatin1Char(' ') + total;
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// Per-row values (predictions, labels, errors): the first rows, brief.
QString rowVector(const arma::vec& v) {
    return vectorText(v, LessonPane::kShownRows, rowsNote(v.n_elem));
}

// The same for a per-row value the document computes row by row (a million predictions are
// not all kept while a slider moves): `value(i)` for the first rows of `n`.
template <typename Value> QString rowVector(arma::uword n, Value value) {
    arma::vec head(std::min<arma::uword>(n, LessonPane::kShownRows + 1));
    for (arma::uword i = 0; i < head.n_elem; ++i)
        head(i) = value(i);
    return vectorText(head, LessonPane::kShownRows, rowsNote(n));
}

// Per-feature values (weights, means, gradients): the first columns.
QString featureVector(const arma::vec& v) {
    return vectorText(v, kShownColumns, LessonPane::tr("%1 features").arg(v.n_elem));
}

// NumPy-style rows with columns aligned, the first rows only:
//   [[5.5, 7.7],
//    [3.3, 6.6],
//    … 40 rows]
// `total` is the row count to report when `m` holds only the first rows.
QString briefMatrix(const arma::mat& m, int indent, arma::uword total) {
    const arma::uword rows = std::min<arma::uword>(m.n_rows, LessonPane::kShownRows);
    const arma::uword cols = std::min<arma::uword>(m.n_cols, kShownColumns);
    std::vector<QStringList> cells(rows);
    std::vector<int> width(cols, 0);
    for (arma::uword r = 0; r < rows; ++r)
        for (arma::uword c = 0; c < cols; ++c) {
            cells[r] << NumberText::brief(m(r, c));
            width[c] = std::max(width[c], int(cells[r].last().size()));
        }
    if (rows == 0)
        return QStringLiteral("[]  # ") + rowsNote(0);
    const QString pad(indent + 1, QLatin1Char(' '));
    QStringList lines;
    for (arma::uword r = 0; r < rows; ++r) {
        QStringList row;
        for (arma::uword c = 0; c < cols; ++c)
            row << cells[r][int(c)].rightJustified(width[c]);
        if (m.n_cols > cols)
            row << ellipsis();
        QString line = (r == 0 ? QStringLiteral("[[") : pad + QLatin1Char('[')) +
                       row.join(QStringLiteral(", ")) + QLatin1Char(']');
        line += (r + 1 < rows || total > rows) ? QStringLiteral(",") : QStringLiteral("]");
        lines << line;
    }
    if (total > rows)
        lines << pad + ellipsis() + QLatin1Char(' ') + rowsNote(total) + QLatin1Char(']');
    return lines.join(QLatin1Char('\n'));
}

QString colorName(const QColor& c) {
    return c.name(QColor::HexRgb);
}

QColor blend(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

LessonPane::LessonPane(Document* document, QWidget* parent)
    : QTextBrowser(parent)
    , m_document(document)
    , m_rebuildTimer(new QTimer(this)) {
    setReadOnly(true);
    setOpenLinks(false);
    setToolTip(tr("The lesson's NumPy code, each line with the values it gives right now"));
    m_rebuildTimer->setSingleShot(true);
    connect(m_rebuildTimer, &QTimer::timeout, this, &LessonPane::rebuild);
    // A slider drag emits evaluationChanged many times per frame: coalesce into one rebuild.
    connect(m_document, &Document::evaluationChanged, this, &LessonPane::scheduleRebuild);
    connect(m_document, &Document::analysisChanged, this, &LessonPane::scheduleRebuild);
    connect(DisplayDigits::instance(), &DisplayDigits::changed, this, &LessonPane::scheduleRebuild);
    rebuild();
    m_sinceRebuild.invalidate(); // the first change after opening shows at once
}

void LessonPane::scheduleRebuild() {
    if (m_rebuildTimer->isActive())
        return;
    const qint64 since = m_sinceRebuild.isValid() ? m_sinceRebuild.elapsed() : kMinRebuildInterval;
    m_rebuildTimer->start(int(std::max<qint64>(0, kMinRebuildInterval - since)));
}

void LessonPane::rebuild() {
    m_rebuildTimer->stop();
    m_sinceRebuild.start();
    const int scroll = verticalScrollBar()->value();
    setHtml(lessonHtml());
    verticalScrollBar()->setValue(scroll);
}

void LessonPane::changeEvent(QEvent* event) {
    QTextBrowser::changeEvent(event);
    // Colours come from the palette; a theme switch needs new HTML.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        scheduleRebuild();
}

QString LessonPane::lessonHtml() const {
    const Dataset& data = m_document->dataset();
    const Analysis& analysis = m_document->analysis();
    const Transform& transform = analysis.transform();
    const TransformSettings& settings = m_document->transformSettings();
    const LinearModel& model = m_document->model();
    const Evaluation& e = m_document->evaluation();
    const arma::uword n = data.rowCount();
    const arma::uword d = data.featureCount();
    const arma::uword shown = std::min<arma::uword>(n, kShownRows);

    const QPalette pal = palette();
    const QString text = colorName(pal.color(QPalette::Text));
    // Opaque: Qt 6's placeholder colour is the text colour at half alpha, which HTML would lose.
    const QString muted =
        colorName(blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.55));
    const QString codeBackground =
        colorName(blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.07));
    const QString codeColor =
        colorName(blend(pal.color(QPalette::Text), pal.color(QPalette::Link), 0.55));
    const QString warn =
        colorName(blend(QColor(0xb0, 0x60, 0x00), pal.color(QPalette::Text), 0.15));

    QString html;
    html += QStringLiteral("<html><body style=\"color:%1\">").arg(text);
    int step = 0;
    auto section = [&](const QString& title, const QString& code) {
        ++step;
        html +=
            QStringLiteral(
                "<p style=\"margin-top:%1px; margin-bottom:3px; color:%2\">%3&nbsp;&nbsp;%4</p>")
                .arg(step == 1 ? 0 : 12)
                .arg(muted, QString::number(step), title.toHtmlEscaped());
        html +=
            QStringLiteral(
                "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"5\" bgcolor=\"%1\"><tr><td>"
                "<pre style=\"margin:0; color:%2\"><b>%3</b></pre></td></tr></table>")
                .arg(codeBackground, codeColor, code.toHtmlEscaped());
    };
    auto values = [&](const QString& body) {
        html += QStringLiteral(
                    "<pre style=\"margin-top:4px; margin-bottom:0; margin-left:6px\">%1</pre>")
                    .arg(body.toHtmlEscaped());
    };
    auto note = [&](const QString& body, const QString& colour) {
        html +=
            QStringLiteral(
                "<p style=\"margin-top:3px; margin-bottom:0; margin-left:6px; color:%1\">%2</p>")
                .arg(colour, body.toHtmlEscaped());
    };

    // 1. Scale.
    section(tr("scale the features"),
            QStringLiteral("X_scaled = X * %1").arg(NumberText::exact(settings.scale)));
    if (n > 0) {
        // Only the rows shown are scaled here: the text stays cheap whatever n is.
        // Per column: a category's 0/1 dummies are not scaled (Transform::scales()).
        arma::mat head = data.features().rows(0, shown - 1);
        if (transform.scales().n_elem == head.n_cols)
            head.each_row() %= transform.scales();
        else
            head *= settings.scale;
        values(QStringLiteral("X_scaled = ") + briefMatrix(head, 11, n));
        if (!data.dummyFeatures().empty())
            note(tr("the dummy columns of categories stay 0/1: only numeric features are scaled"),
                 muted);
    } else {
        note(tr("no rows yet"), muted);
    }
    if (settings.scale == 1.0)
        note(tr("s = 1: the features are unchanged"), muted);

    // 2. Normalise.
    const QString ddofText = settings.ddof == 0
                                 ? tr("std with ddof=0, as np.std does by default")
                                 : tr("std with ddof=1: the sample std, divided by n - 1");
    switch (settings.normalization) {
    case Normalization::None:
        section(tr("normalise (off)"), QStringLiteral("X_normalized = X_scaled"));
        note(tr("no normalisation: the model sees X_scaled"), muted);
        break;
    case Normalization::ZScore:
        section(tr("normalise: z-score"), QStringLiteral("X_normalized = (X - mean) / std"));
        values(
            QStringLiteral("mean = %1\nstd  = %2")
                .arg(featureVector(transform.mean().t()), featureVector(transform.stddev().t())));
        note(ddofText, muted);
        break;
    case Normalization::MinMax:
        section(tr("normalise: min-max"), QStringLiteral("X_normalized = (X - min) / (max - min)"));
        values(QStringLiteral("min = %1\nmax = %2")
                   .arg(featureVector(transform.min().t()), featureVector(transform.max().t())));
        break;
    }
    if (settings.normalization != Normalization::None) {
        if (n > 0)
            values(QStringLiteral("X_normalized = ") +
                   briefMatrix(analysis.features(), 15, analysis.features().n_rows));
        // One note per constant feature, as many as the matrices show columns; then a count.
        arma::uword constant = 0;
        for (arma::uword j = 0; j < d && j < transform.zeroSpread().size(); ++j)
            if (transform.zeroSpread()[j] && ++constant <= kShownColumns)
                note(tr("\u26a0 %1 is constant: not divided by its spread, as scikit-learn does")
                         .arg(QString::fromStdString(data.featureNames()[j])),
                     warn);
        if (constant > kShownColumns)
            note(tr("\u26a0 \u2026 %1 more constant features, not divided by their spread either")
                     .arg(NumberText::count(qint64(constant - kShownColumns))),
                 warn);
    }

    // 3. Predict.
    section(tr("predict"), QStringLiteral("prediction = np.dot(X, weights) + bias"));
    QString predict = QStringLiteral("weights = %1\nbias = %2")
                          .arg(featureVector(model.weights()), NumberText::shown(model.bias()));
    if (n > 0 && m_document->hasPredictions())
        predict += QStringLiteral("\nprediction = ") +
                   rowVector(n, [this](arma::uword row) { return m_document->prediction(row); });
    values(predict);

    // 4. Loss.
    section(tr("loss"), QStringLiteral("mse = np.mean((predicted - actual) ** 2)"));
    QString loss;
    if (n > 0 && m_document->hasPredictions())
        loss +=
            QStringLiteral("actual = %1\nerrors = %2\n")
                .arg(rowVector(data.labels()),
                     rowVector(n, [this](arma::uword row) { return m_document->residual(row); }));
    loss += QStringLiteral("mse = ") + NumberText::shown(e.metrics.mse);
    values(loss);

    // 5. Gradient.
    section(tr("gradient"), QStringLiteral("gradient = np.dot(X.T, errors) / len(X)"));
    // Brief: the exact values are in the metrics panel; here they must fit the line.
    values(QStringLiteral("gradient = ") + featureVector(e.lessonGradient));
    note(tr("The true gradient of the MSE is twice this, ∂MSE/∂w = %1, and for the bias ∂MSE/∂b = "
            "%2.")
             .arg(featureVector(e.gradient.weights), NumberText::brief(e.gradient.bias)),
         muted);

    html += QStringLiteral("</body></html>");
    return html;
}

LessonPane::~LessonPane() {
    silenceChildren(this);
}
