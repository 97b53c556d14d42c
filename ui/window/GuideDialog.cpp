#include "ui/window/GuideDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

// One row of the lesson table: the window's part, what to do there, the lesson's NumPy line.
QString lessonRow(const QString& part, const QString& what, const QString& numpy) {
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td><code>%3</code></td></tr>")
        .arg(part, what, numpy.toHtmlEscaped());
}

} // namespace

QString GuideDialog::shortcutRows(const QList<QAction*>& actions) {
    QString rows;
    QStringList seen; // an action in two menus is one row
    for (const QAction* a : actions) {
        if (a->shortcut().isEmpty())
            continue;
        QString text = a->text();
        text.remove(QLatin1Char('&'));
        text.remove(QStringLiteral("\u2026"));
        const QString key = text + a->shortcut().toString();
        if (seen.contains(key))
            continue;
        seen << key;
        rows += QStringLiteral("<tr><td>%1</td><td><code>%2</code></td></tr>")
                    .arg(text.toHtmlEscaped(),
                         a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
    }
    return rows;
}

GuideDialog::GuideDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent)
    , m_text(new QTextBrowser) {
    setWindowTitle(tr("LinLab Guide"));
    resize(900, 760);
    QString html = tr("<h2>The lesson, live</h2>"
                      "<p>LinLab runs the steps of <i>NumPy in Machine Learning</i> on the data in "
                      "its table. Every number and plot follows each edit at once; Undo takes any "
                      "step back.</p>"
                      "<p><img src=\":/screenshots/workbench.png\" width=\"820\"></p>"
                      "<h3>Which panel is which line</h3><table cellpadding=\"4\">");
    html += lessonRow(tr("Data table"), tr("type, paste or open data; rows are samples"),
                      QStringLiteral("X = np.array([[5, 7], ...]); y = np.array([75, ...])"));
    html += lessonRow(tr("Transform"), tr("scale and normalise the features"),
                      QStringLiteral("X * 1.1;  (X - X.mean(axis=0)) / X.std(axis=0)"));
    html += lessonRow(tr("Model"), tr("drag a weight or the bias"),
                      QStringLiteral("w = np.array([4, 3]); b = 10"));
    html += lessonRow(tr("Data plot"), tr("the predictions against the data"),
                      QStringLiteral("y_pred = X @ w + b"));
    html += lessonRow(tr("Metrics"), tr("the loss and its gradient"),
                      QStringLiteral("mse = np.mean((y_pred - y) ** 2)"));
    html += lessonRow(tr("Metrics"), tr("the lesson's gradient, labelled as the lesson's"),
                      QStringLiteral("grad = X.T @ (y_pred - y) / len(y)"));
    html += lessonRow(tr("Training"), tr("Step, Run: gradient descent on the landscape"),
                      QStringLiteral("w -= lr * grad_w; b -= lr * grad_b"));
    html += lessonRow(tr("Fit (Ctrl+L)"), tr("jump to the least-squares weights"),
                      QStringLiteral("np.linalg.lstsq(np.c_[X, np.ones(n)], y)"));
    html += lessonRow(tr("Report"), tr("standard errors, tests and diagnostics"),
                      QStringLiteral("statsmodels.api.OLS(y, X).fit().summary()"));
    html += lessonRow(tr("File \u203a Export"),
                      tr("the plots, the data, and a NumPy script that "
                         "reproduces every number"),
                      QStringLiteral("python3 linlab_script.py"));
    html += QStringLiteral("</table>");
    html += tr("<h3>Start here</h3><ul>"
               "<li><b>File \u203a Open Example</b>: the lesson's data, its practice exercise, "
               "Anscombe's quartet or the Palmer penguins, in one click.</li>"
               "<li><b>Data \u203a Generate</b>: data whose true weights you choose; press Fit "
               "and see them come back.</li>"
               "<li>Hover any number for every digit; right-click a column header for its "
               "menu.</li></ul>"
               "<h3>Keyboard</h3><p>Tab moves between controls; the arrow keys move a focused "
               "slider, Page Up and Page Down in larger steps.</p><table cellpadding=\"3\">");
    html += shortcutRows(actions);
    html += QStringLiteral("</table>");
    m_text->setHtml(html);
    m_text->setOpenExternalLinks(true);
    m_text->setAccessibleName(tr("Guide"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
}

QString GuideDialog::html() const {
    return m_text->toHtml();
}
