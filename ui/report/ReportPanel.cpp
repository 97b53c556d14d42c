#include "ui/report/ReportPanel.h"

#include "app/document/Document.h"
#include "app/document/RegressionRunner.h"
#include "model/io/NumberFormat.h"
#include "ui/common/DisplayDigits.h"
#include "ui/common/LastFolder.h"
#include "ui/common/NumberText.h"
#include "ui/common/Teardown.h"
#include "ui/report/CoefficientTableModel.h"
#include "ui/report/ReportDocument.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace {
QLabel* sectionTitle(const QString& text) {
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
    label->setContentsMargins(0, 6, 0, 0);
    return label;
}

} // namespace

ReportPanel::ReportPanel(Document* document, RegressionRunner* runner, Layout layout,
                         QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_runner(runner)
    , m_layout(layout)
    , m_coefficients(new CoefficientTableModel(this))
    , m_view(new QTableView)
    , m_formula(new QLabel)
    , m_problem(new QLabel)
    , m_level(new QDoubleSpinBox)
    , m_modelGrid(new QGridLayout)
    , m_flagged(new QListWidget)
    , m_flaggedTitle(sectionTitle(tr("Flagged rows")))
    , m_inputGrid(new QGridLayout)
    , m_prediction(new QLabel) {
    auto* column = new QVBoxLayout(this);
    m_formula->setWordWrap(true);
    m_formula->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_formula);

    auto* controls = new QHBoxLayout;
    m_level->setObjectName(QStringLiteral("confidenceLevel"));
    m_level->setRange(50, 99.9);
    m_level->setDecimals(1);
    m_level->setSingleStep(0.5);
    m_level->setSuffix(QStringLiteral(" %"));
    m_level->setValue(100 * runner->confidenceLevel());
    m_level->setToolTip(tr("Level of the confidence and prediction intervals"));
    m_level->setKeyboardTracking(false); // a typed 9 on the way to 90 is no level to fit
    auto* levelLabel = new QLabel(tr("&Confidence level:"));
    levelLabel->setBuddy(m_level);
    controls->addWidget(levelLabel);
    controls->addWidget(m_level);
    controls->addStretch(1);
    auto* copy = new QPushButton(tr("Copy Table"));
    copy->setObjectName(QStringLiteral("copyTable"));
    copy->setToolTip(tr("Copy the coefficient table, every digit, for a spreadsheet"));
    auto* exportButton = new QPushButton(tr("Export\u2026"));
    exportButton->setObjectName(QStringLiteral("exportReport"));
    exportButton->setToolTip(tr("Save the report with its diagnostic plots as HTML or PDF"));
    controls->addWidget(copy);
    controls->addWidget(exportButton);
    column->addLayout(controls);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a03000"));
    column->addWidget(m_problem);

    m_view->setModel(m_coefficients);
    m_view->setObjectName(QStringLiteral("coefficientTable"));
    m_view->setAccessibleName(tr("Coefficients"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_view->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    if (layout == Layout::Compact)
        for (int c :
             {CoefficientTableModel::T, CoefficientTableModel::CiLow, CoefficientTableModel::CiHigh,
              CoefficientTableModel::StdBeta, CoefficientTableModel::Vif})
            m_view->setColumnHidden(c, true);
    column->addWidget(m_view);

    // Three sections: side by side under the table in the Report tab, stacked in the dock.
    auto* modelBox = new QVBoxLayout;
    modelBox->addWidget(sectionTitle(tr("Model")));
    modelBox->addLayout(m_modelGrid);
    modelBox->addStretch(1);
    buildModelGrid();

    auto* flaggedBox = new QVBoxLayout;
    flaggedBox->addWidget(m_flaggedTitle);
    m_flagged->setObjectName(QStringLiteral("flaggedRows"));
    m_flagged->setAccessibleName(tr("Flagged rows"));
    m_flagged->setMaximumHeight(layout == Layout::Compact ? 130 : 230);
    m_flagged->setToolTip(tr("Rows with |studentized residual| > 3, Cook's distance > 4/n or "
                             "leverage > 2p/n. Click one to select it in the table and plots."));
    flaggedBox->addWidget(m_flagged);

    auto* predictBox = new QVBoxLayout;
    predictBox->addWidget(sectionTitle(tr("Predict")));
    predictBox->addLayout(m_inputGrid);
    m_prediction->setObjectName(QStringLiteral("prediction"));
    m_prediction->setWordWrap(true);
    m_prediction->setTextInteractionFlags(Qt::TextSelectableByMouse);
    predictBox->addWidget(m_prediction);
    predictBox->addStretch(1);

    if (layout == Layout::Full) {
        auto* sections = new QHBoxLayout;
        sections->addLayout(modelBox, 3);
        sections->addLayout(flaggedBox, 3);
        sections->addLayout(predictBox, 2);
        column->addLayout(sections);
    } else {
        column->addLayout(modelBox);
        column->addLayout(flaggedBox);
        column->addLayout(predictBox);
    }
    column->addStretch(1);

    connect(m_level, &QDoubleSpinBox::valueChanged, this,
            [this](double percent) { m_runner->setConfidenceLevel(percent / 100.0); });
    connect(copy, &QPushButton::clicked, this, &ReportPanel::copyTable);
    connect(exportButton, &QPushButton::clicked, this, &ReportPanel::exportReport);
    connect(m_flagged, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { emit rowActivated(item->data(Qt::UserRole).toInt()); });
    connect(runner, &RegressionRunner::resultChanged, this, &ReportPanel::refresh);
    connect(DisplayDigits::instance(), &DisplayDigits::changed, this, &ReportPanel::refresh);
    refresh();
}

ReportPanel::~ReportPanel() {
    silenceChildren(this);
}

QString ReportPanel::flagReason(const linlab::FlaggedRow& f, const linlab::RowDiagnostics& d) {
    QStringList why;
    if (f.outlier)
        why << tr("outlier (studentized %1)").arg(NumberText::brief(d.studentized(f.row), 3));
    if (f.influential)
        why << tr("Cook's distance %1").arg(NumberText::brief(d.cooksDistance(f.row), 3));
    if (f.highLeverage)
        why << tr("leverage %1").arg(NumberText::brief(d.leverage(f.row), 3));
    return why.join(QStringLiteral(", "));
}

void ReportPanel::buildModelGrid() {
    const QList<std::pair<QString, QString>> rows{
        {tr("Rows used"), QStringLiteral("nValue")},
        {tr("df (model, residual)"), QStringLiteral("dfValue")},
        {tr("Residual std. error σ"), QStringLiteral("sigmaValue")},
        {tr("R²"), QStringLiteral("r2Value")},
        {tr("Adjusted R²"), QStringLiteral("r2AdjustedValue")},
        {tr("F"), QStringLiteral("fValue")},
        {tr("p of F"), QStringLiteral("fPValue")},
        {tr("Log-likelihood"), QStringLiteral("logLikValue")},
        {tr("AIC"), QStringLiteral("aicValue")},
        {tr("BIC"), QStringLiteral("bicValue")},
        {tr("Condition number"), QStringLiteral("conditionValue")}};
    int i = 0;
    for (const auto& [name, objectName] : rows) {
        auto* value = new QLabel;
        value->setObjectName(objectName);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (objectName == QStringLiteral("conditionValue"))
            value->setToolTip(tr("2-norm condition number of the centred, column-scaled design: "
                                 "what decides how many digits the fit keeps"));
        m_modelGrid->addWidget(new QLabel(name), i, 0);
        m_modelGrid->addWidget(value, i, 1);
        ++i;
    }
    m_modelGrid->setColumnStretch(1, 1);
}

QLabel* ReportPanel::valueLabel(const QString& objectName) const {
    return findChild<QLabel*>(objectName);
}

void ReportPanel::setValue(const QString& objectName, const QString& text) {
    if (QLabel* label = valueLabel(objectName))
        label->setText(text);
}

void ReportPanel::refresh() {
    const RegressionRunner::Result& r = m_runner->result();
    const linlab::RegressionReport& rep = r.regression.report();
    QStringList terms{QStringLiteral("1")};
    terms << r.featureNames;
    m_formula->setText(tr("<b>%1 ~ %2</b><br><span style=\"color:#666\">Ordinary least squares "
                          "(R's lm, statsmodels' OLS)%3</span>")
                           .arg(r.labelName.toHtmlEscaped(),
                                terms.join(QStringLiteral(" + ")).toHtmlEscaped(),
                                m_runner->isCurrent() ? QString() : tr(" \u2014 fitting\u2026")));
    {
        // Changes from the runner (another panel may have set the level): no refit from here.
        const QSignalBlocker guard(m_level);
        m_level->setValue(100 * m_runner->confidenceLevel());
    }
    m_problem->setText(QString::fromStdString(rep.problem));
    m_problem->setVisible(!rep.problem.empty());
    m_coefficients->setReport(rep);
    // Measuring every row's text is slow past a few hundred terms: then the header's widths.
    if (m_coefficients->rowCount() <= kMaxMeasuredRows)
        m_view->resizeColumnsToContents();
    m_view->updateGeometry(); // the whole table, no inner scrolling: the panel scrolls

    setValue(QStringLiteral("nValue"), NumberText::count(qint64(rep.n)));
    setValue(QStringLiteral("dfValue"), NumberText::brief(rep.dfModel) + QStringLiteral(", ") +
                                            NumberText::brief(rep.dfResidual));
    setValue(QStringLiteral("sigmaValue"), NumberText::brief(rep.sigma));
    setValue(QStringLiteral("r2Value"), NumberText::brief(rep.r2));
    setValue(QStringLiteral("r2AdjustedValue"), NumberText::brief(rep.r2Adjusted));
    setValue(QStringLiteral("fValue"), NumberText::brief(rep.fStatistic));
    setValue(QStringLiteral("fPValue"), NumberText::brief(rep.fPValue, 3));
    setValue(QStringLiteral("logLikValue"), NumberText::brief(rep.logLikelihood));
    setValue(QStringLiteral("aicValue"), NumberText::brief(rep.aic));
    setValue(QStringLiteral("bicValue"), NumberText::brief(rep.bic));
    setValue(QStringLiteral("conditionValue"), NumberText::brief(rep.conditionNumber, 3));

    m_flagged->clear();
    // A long list helps nobody: the first 200, and how many more.
    const std::size_t shown = std::min<std::size_t>(r.flagged.size(), 200);
    for (std::size_t k = 0; k < shown; ++k) {
        const linlab::FlaggedRow& f = r.flagged[k];
        auto* item = new QListWidgetItem(tr("Row %1 \u2014 %2")
                                             .arg(m_document->tableRow(int(f.row)) + 1)
                                             .arg(flagReason(f, r.diagnostics)),
                                         m_flagged);
        item->setData(Qt::UserRole, int(f.row));
    }
    if (shown < r.flagged.size())
        new QListWidgetItem(tr("\u2026 and %1 more").arg(r.flagged.size() - shown), m_flagged);
    m_flaggedTitle->setText(
        QStringLiteral("<b>%1</b>").arg(tr("Flagged rows (%1)").arg(r.flagged.size())));
    rebuildInputs();
    updatePrediction();
}

void ReportPanel::rebuildInputs() {
    const RegressionRunner::Result& r = m_runner->result();
    if (r.featureNames == m_inputNames)
        return;
    m_inputNames = r.featureNames;
    m_inputs.clear(); // the edits go with the grid's items below
    while (QLayoutItem* item = m_inputGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_inputNames.size() > kMaxPredictInputs) {
        m_inputGrid->addWidget(
            new QLabel(tr("Predict takes at most %1 features (this data has %2).")
                           .arg(kMaxPredictInputs)
                           .arg(m_inputNames.size())),
            0, 0);
        return;
    }
    for (int j = 0; j < m_inputNames.size(); ++j) {
        auto* edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("predictInput%1").arg(j));
        edit->setAccessibleName(tr("Predict at %1").arg(m_inputNames[j]));
        // Starts at the column's mean: the prediction there is the mean label.
        const bool fits = r.featureMeans.n_elem == arma::uword(m_inputNames.size());
        edit->setText(fits ? NumberText::brief(r.featureMeans(arma::uword(j)), 6)
                           : QStringLiteral("0"));
        m_inputGrid->addWidget(new QLabel(m_inputNames[j]), j, 0);
        m_inputGrid->addWidget(edit, j, 1);
        connect(edit, &QLineEdit::textChanged, this, &ReportPanel::updatePrediction);
        m_inputs.push_back(edit);
    }
}

void ReportPanel::updatePrediction() {
    const RegressionRunner::Result& r = m_runner->result();
    const linlab::RegressionReport& rep = r.regression.report();
    if (!rep.problem.empty() || rep.coefficients.empty() || m_inputs.empty()) {
        m_prediction->setText(QString());
        return;
    }
    arma::vec x(m_inputs.size());
    for (std::size_t j = 0; j < m_inputs.size(); ++j) {
        const linlab::ParseResult p = linlab::parseDouble(m_inputs[j]->text().toStdString());
        if (p.status != linlab::ParseStatus::Ok) {
            m_prediction->setText(tr("%1: %2").arg(
                m_inputNames[int(j)], QString::fromUtf8(linlab::parseStatusText(p.status))));
            return;
        }
        x(j) = p.value;
    }
    const linlab::IntervalPrediction p = r.regression.predict(x);
    const QString level = NumberText::brief(100 * rep.confidenceLevel, 4) + QLatin1Char('%');
    m_prediction->setText(
        tr("<b>%1 = %2</b><br>%3 confidence interval of the mean: [%4, %5]<br>%3 prediction "
           "interval of a new row: [%6, %7]")
            .arg(r.labelName.toHtmlEscaped(), NumberText::brief(p.fit), level,
                 NumberText::brief(p.ciLow), NumberText::brief(p.ciHigh),
                 NumberText::brief(p.piLow), NumberText::brief(p.piHigh)));
}

void ReportPanel::copyTable() {
    QApplication::clipboard()->setText(m_coefficients->toTabSeparated());
}

QString ReportPanel::exportTo(const QString& path) const {
    const ReportDocument report(*m_runner, *m_coefficients,
                                m_plotImages ? m_plotImages()
                                             : QList<std::pair<QString, QImage>>());
    return report.write(path);
}

void ReportPanel::exportReport() {
    m_runner->waitForResult(); // the report of the data as it is now
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Report"),
        QDir(LastFolder::get(LastFolder::Purpose::Files))
            .filePath(m_document->name() + QStringLiteral("-report.html")),
        tr("HTML (*.html);;PDF (*.pdf)"), &filter);
    if (path.isEmpty())
        return;
    const QString error = exportTo(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Report Not Exported"), error);
        return;
    }
    emit exported(path);
}
