#include "ui/panels/TransformPanel.h"

#include "ui/common/Teardown.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "ui/common/DisplayDigits.h"
#include "ui/common/NumberText.h"
#include "ui/common/PreciseSpinBox.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace linlab;

namespace {

QString warningSign() {
    return QStringLiteral("\u26a0");
}

} // namespace

TransformPanel::TransformPanel(Document* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_scaleBox = new PreciseSpinBox(this);
    m_scaleBox->setSingleStep(0.1);
    // A transform refits the whole dataset: commit on Enter or focus out, not per keystroke.
    m_scaleBox->setKeyboardTracking(false);
    m_scaleBox->setToolTip(
        tr("X_scaled = X * s: every feature multiplied by s (the lesson uses 1.1)"));
    form->addRow(tr("Scale X by"), m_scaleBox);

    m_normalizationBox = new QComboBox(this);
    m_normalizationBox->addItem(tr("None"));
    m_normalizationBox->addItem(tr("Z-score: (X - mean) / std"));
    m_normalizationBox->addItem(tr("Min-max: (X - min) / (max - min)"));
    m_normalizationBox->setItemData(0, tr("Use the scaled features as they are"), Qt::ToolTipRole);
    m_normalizationBox->setItemData(
        1, tr("X_normalized = (X - mean) / std: every feature centred, in units of its spread"),
        Qt::ToolTipRole);
    m_normalizationBox->setItemData(2, tr("Every feature mapped onto 0..1"), Qt::ToolTipRole);
    m_normalizationBox->setToolTip(
        tr("How the scaled features are normalised before the model sees them"));
    form->addRow(tr("Normalise"), m_normalizationBox);

    m_ddofBox = new QComboBox(this);
    m_ddofBox->addItem(tr("0: population, as NumPy"));
    m_ddofBox->addItem(tr("1: sample"));
    m_ddofBox->setToolTip(tr("np.std(X, ddof=...): divide by n (NumPy's default) or by n - 1"));
    form->addRow(tr("std ddof"), m_ddofBox);
    layout->addLayout(form);

    m_dummyNote = new QLabel(this);
    m_dummyNote->setObjectName(QStringLiteral("dummyNote"));
    m_dummyNote->setWordWrap(true);
    m_dummyNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_dummyNote);

    m_statsCaption = new QLabel(this);
    m_statsCaption->setWordWrap(true);
    m_statsCaption->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_statsCaption);

    m_statsTable = new QTableWidget(0, 5, this);
    m_statsTable->setAccessibleName(tr("Feature statistics"));
    m_statsTable->setHorizontalHeaderLabels(
        {tr("feature"), tr("mean"), tr("std"), tr("min"), tr("max")});
    m_statsTable->verticalHeader()->hide();
    m_statsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_statsTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_statsTable->setFocusPolicy(Qt::TabFocus); // read with the arrow keys, never edited
    m_statsTable->setWordWrap(false);
    m_statsTable->setAlternatingRowColors(true);
    m_statsTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_statsTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_statsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_statsTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_statsTable->horizontalHeader()->setHighlightSections(false);
    m_statsTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_statsTable->setToolTip(
        tr("Each feature after X * s, before normalising: what the normalisation uses"));
    layout->addWidget(m_statsTable);
    layout->addStretch(1);

    connect(m_scaleBox, &QDoubleSpinBox::valueChanged, this, &TransformPanel::pushSettings);
    connect(m_normalizationBox, &QComboBox::currentIndexChanged, this,
            &TransformPanel::pushSettings);
    connect(m_ddofBox, &QComboBox::currentIndexChanged, this, &TransformPanel::pushSettings);
    // Settings change through undo and file loads too; the analysis follows each of them.
    connect(m_document, &Document::analysisChanged, this, &TransformPanel::syncFromDocument);
    connect(DisplayDigits::instance(), &DisplayDigits::changed, this,
            &TransformPanel::fillStatistics);

    syncFromDocument();
}

void TransformPanel::pushSettings() {
    if (m_updating)
        return;
    TransformSettings settings = m_document->transformSettings();
    settings.scale = m_scaleBox->value();
    settings.normalization = Normalization(m_normalizationBox->currentIndex());
    settings.ddof = m_ddofBox->currentIndex();
    if (settings == m_document->transformSettings()) {
        syncFromDocument(); // e.g. the ddof box enabling/disabling
        return;
    }
    m_document->undoStack()->push(new SetTransformCommand(m_document, settings));
}

void TransformPanel::syncFromDocument() {
    const TransformSettings& settings = m_document->transformSettings();
    m_updating = true;
    if (m_scaleBox->value() != settings.scale)
        m_scaleBox->setValue(settings.scale);
    m_normalizationBox->setCurrentIndex(int(settings.normalization));
    m_ddofBox->setCurrentIndex(settings.ddof);
    m_updating = false;
    // ddof only matters to the std, and only z-score divides by the std.
    m_ddofBox->setEnabled(settings.normalization == Normalization::ZScore);
    const std::vector<bool>& dummies = m_document->dataset().dummyFeatures();
    const auto count = std::count(dummies.begin(), dummies.end(), true);
    m_dummyNote->setText(
        tr("Scaling and normalising apply to the numeric features only: the %n dummy column(s) "
           "of categorical features stay 0/1.",
           nullptr, int(count)));
    m_dummyNote->setVisible(count > 0);
    fillStatistics();
}

void TransformPanel::fillStatistics() {
    const Dataset& data = m_document->dataset();
    const Transform& transform = m_document->analysis().transform();
    const TransformSettings& settings = m_document->transformSettings();
    const int d = int(data.featureCount());
    const bool consistent = transform.mean().n_elem == arma::uword(d);

    m_statsCaption->setText(tr("X * %1, column by column (std with ddof = %2, %3 rows):")
                                .arg(NumberText::exact(settings.scale))
                                .arg(settings.ddof)
                                .arg(data.rowCount()));

    m_statsTable->setRowCount(d);
    for (int j = 0; j < d; ++j) {
        const QString name = QString::fromStdString(data.featureNames()[size_t(j)]);
        const bool flagged = consistent && transform.zeroSpread()[size_t(j)];
        auto* nameItem =
            new QTableWidgetItem(flagged ? warningSign() + QLatin1Char(' ') + name : name);
        if (flagged)
            nameItem->setToolTip(
                tr("constant feature: not divided by its spread, as scikit-learn does"));
        else
            nameItem->setToolTip(name);
        m_statsTable->setItem(j, 0, nameItem);

        const double values[4] = {
            consistent ? transform.mean()(arma::uword(j)) : std::nan(""),
            consistent ? transform.stddev()(arma::uword(j)) : std::nan(""),
            consistent ? transform.min()(arma::uword(j)) : std::nan(""),
            consistent ? transform.max()(arma::uword(j)) : std::nan(""),
        };
        for (int c = 0; c < 4; ++c) {
            QString text = NumberText::brief(values[c]);
            if (flagged && c == 1)
                text = warningSign() + QLatin1Char(' ') + text;
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(
                flagged && c == 1
                    ? tr("constant feature: not divided by its spread, as scikit-learn does")
                    : tr("exactly %1").arg(NumberText::exact(values[c])));
            m_statsTable->setItem(j, c + 1, item);
        }
    }
    // Show every row up to eight without a scroll bar; more scroll.
    int height =
        m_statsTable->horizontalHeader()->sizeHint().height() + 2 * m_statsTable->frameWidth();
    for (int j = 0; j < std::min(d, 8); ++j)
        height += m_statsTable->verticalHeader()->sectionSizeHint(j);
    m_statsTable->setMaximumHeight(height + 2);
}

TransformPanel::~TransformPanel() {
    silenceChildren(this);
}
