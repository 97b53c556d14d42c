#include "ui/panels/HeldOutPanel.h"

#include "app/document/Document.h"
#include "app/document/FitSettingsCommand.h"
#include "app/document/MergeIds.h"
#include "ui/common/NumberText.h"
#include "ui/common/Teardown.h"
#include "ui/plots/BackgroundTask.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QUndoStack>

#include <cmath>
#include <limits>
#include <memory>

using namespace linlab;

HeldOutPanel::HeldOutPanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_cv(new BackgroundTask(this)) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 6, 6, 6);
    grid->setVerticalSpacing(4);

    m_fraction = new QSlider(Qt::Horizontal, this);
    m_fraction->setObjectName(QStringLiteral("testFractionSlider"));
    m_fraction->setRange(0, kMaxPercent);
    m_fraction->setAccessibleName(tr("Hold out (percent of rows)"));
    m_fraction->setToolTip(
        tr("The share of rows held out as a test set (0: none). Every fit uses the other rows; "
           "the split is seeded, so the same seed holds out the same rows"));
    m_percent = new QLabel(this);
    m_percent->setMinimumWidth(m_percent->fontMetrics().horizontalAdvance(QStringLiteral("50 %")));
    grid->addWidget(new QLabel(tr("Hold out"), this), 0, 0);
    grid->addWidget(m_fraction, 0, 1, 1, 3);
    grid->addWidget(m_percent, 0, 4);

    m_splitNote = new QLabel(this);
    m_splitNote->setObjectName(QStringLiteral("splitNote"));
    m_splitNote->setWordWrap(true);
    m_splitNote->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(m_splitNote, 1, 0, 1, 5);

    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seedBox"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setAccessibleName(tr("Split seed"));
    m_seed->setToolTip(tr("The seed of the split and of the folds (np.random-free: the same rows "
                          "on every machine)"));
    m_folds = new QSpinBox(this);
    m_folds->setObjectName(QStringLiteral("foldsBox"));
    m_folds->setRange(2, 20);
    m_folds->setAccessibleName(tr("Folds k"));
    m_folds->setToolTip(tr("k of k-fold cross-validation: each fold is held out once"));
    m_run = new QPushButton(tr("Cross-validate"), this);
    m_run->setObjectName(QStringLiteral("crossValidateButton"));
    m_run->setToolTip(tr("Fit the current settings k times, each time on all folds but one, and "
                         "score the one left out (on the train rows when some are held out)"));
    grid->addWidget(new QLabel(tr("Seed"), this), 2, 0);
    grid->addWidget(m_seed, 2, 1);
    grid->addWidget(new QLabel(tr("k"), this), 2, 2, Qt::AlignRight);
    grid->addWidget(m_folds, 2, 3);
    grid->addWidget(m_run, 3, 1, 1, 4);

    m_cvText = new QLabel(this);
    m_cvText->setObjectName(QStringLiteral("crossValidationText"));
    m_cvText->setWordWrap(true);
    m_cvText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(m_cvText, 4, 0, 1, 5);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(5, 1);

    connect(m_fraction, &QSlider::valueChanged, this, &HeldOutPanel::onFractionChanged);
    connect(m_fraction, &QSlider::sliderPressed, this, [this] { m_dragId = nextMergeId(); });
    connect(m_fraction, &QSlider::sliderReleased, this, [this] { m_dragId = 0; });
    connect(m_seed, &QSpinBox::valueChanged, this, &HeldOutPanel::onSeedChanged);
    connect(m_folds, &QSpinBox::valueChanged, this, &HeldOutPanel::onFoldsChanged);
    connect(m_run, &QPushButton::clicked, this, &HeldOutPanel::crossValidate);
    connect(m_cv, &BackgroundTask::busyChanged, this, [this](bool busy) {
        m_run->setText(busy ? tr("Cross-validating\u2026") : tr("Cross-validate"));
    });
    connect(m_document, &Document::fitSettingsChanged, this, &HeldOutPanel::onDataChanged);
    connect(m_document, &Document::analysisChanged, this, &HeldOutPanel::onDataChanged);
    refresh();
}

HeldOutPanel::~HeldOutPanel() {
    silenceChildren(this);
}

void HeldOutPanel::refresh() {
    const FitSettings& s = m_document->fitSettings();
    {
        const QSignalBlocker a(m_fraction), b(m_seed), c(m_folds);
        m_fraction->setValue(int(std::lround(s.testFraction * 100)));
        m_seed->setValue(int(std::min<std::uint64_t>(s.seed, std::uint64_t(m_seed->maximum()))));
        m_folds->setValue(int(s.cvFolds));
    }
    m_percent->setText(QStringLiteral("%1 %").arg(m_fraction->value()));
    const FitSetup& fit = m_document->fitSetup();
    const arma::uword n = m_document->analysis().labels().n_elem;
    if (fit.hasSplit())
        m_splitNote->setText(tr("%1 of %2 rows held out (test); every fit uses the other %3")
                                 .arg(NumberText::count(qint64(fit.split().test.n_elem)))
                                 .arg(NumberText::count(qint64(n)))
                                 .arg(NumberText::count(qint64(fit.split().train.n_elem))));
    else if (s.testFraction > 0)
        m_splitNote->setText(tr("No split: %1 % of %2 rows leaves no test or no train row")
                                 .arg(m_fraction->value())
                                 .arg(NumberText::count(qint64(n))));
    else
        m_splitNote->setText(tr("No rows held out: every fit uses all rows"));
}

void HeldOutPanel::onFractionChanged(int percent) {
    FitSettings s = m_document->fitSettings();
    s.testFraction = percent / 100.0;
    if (s == m_document->fitSettings())
        return;
    m_document->undoStack()->push(new FitSettingsCommand(
        m_document, s, tr("Hold out %1 % of the rows").arg(percent), m_dragId));
}

void HeldOutPanel::onSeedChanged(int seed) {
    FitSettings s = m_document->fitSettings();
    s.seed = std::uint64_t(seed);
    if (s != m_document->fitSettings())
        m_document->undoStack()->push(
            new FitSettingsCommand(m_document, s, tr("Split seed %1").arg(seed)));
}

void HeldOutPanel::onFoldsChanged(int k) {
    FitSettings s = m_document->fitSettings();
    s.cvFolds = arma::uword(k);
    if (s != m_document->fitSettings())
        m_document->undoStack()->push(
            new FitSettingsCommand(m_document, s, tr("Cross-validate with %1 folds").arg(k)));
}

void HeldOutPanel::onDataChanged() {
    refresh();
    // A result for other rows or settings would mislead: drop it (and a run in progress).
    if (m_cv->isBusy() || m_last) {
        m_cv->cancel();
        m_last.reset();
        m_cvText->setText(tr("(changed since: cross-validate again)"));
    }
}

void HeldOutPanel::crossValidate() {
    // Copies: the document's analysis may be replaced while the folds are fitted.
    auto analysis = std::make_shared<const Analysis>(m_document->analysis());
    auto setup = std::make_shared<const FitSetup>(m_document->fitSetup());
    m_last.reset();
    m_cvText->setText(tr("Fitting %1 folds\u2026").arg(setup->settings().cvFolds));
    m_cv->start([this, analysis, setup](const std::atomic<bool>&) -> std::function<void()> {
        try {
            CrossValidation cv = setup->crossValidate(*analysis);
            return [this, cv] { showCrossValidation(cv); };
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            return [this, message] { showCrossValidationError(message); };
        }
    });
}

void HeldOutPanel::showCrossValidation(const CrossValidation& cv) {
    m_last = cv;
    QStringList folds;
    for (const Metrics& m : cv.folds)
        folds << NumberText::shown(m.mse);
    m_cvText->setText(tr("%1-fold CV: MSE %2 \u00b1 %3 (std), mean R\u00b2 %4\nfold MSE: %5")
                          .arg(cv.k)
                          .arg(NumberText::shown(cv.mseMean), NumberText::shown(cv.mseStd),
                               NumberText::shown(cv.r2Mean), folds.join(QStringLiteral(", "))));
}

void HeldOutPanel::showCrossValidationError(const QString& message) {
    m_cvText->setText(tr("Cannot cross-validate: %1").arg(message));
}
