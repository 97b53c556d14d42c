#include "ui/panels/ParameterRow.h"

#include "ui/common/PreciseSpinBox.h"
#include "ui/panels/ModelPanel.h"

#include <QFont>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>

void ParameterRow::build(QWidget* parent, QGridLayout* grid, int top, int steps, bool compactRow) {
    compact = compactRow;
    name = new QLabel(parent);
    name->setTextFormat(Qt::RichText);
    original = new QLabel(parent);
    original->setForegroundRole(QPalette::PlaceholderText);
    QFont small = original->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    original->setFont(small);
    original->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    original->setTextInteractionFlags(Qt::TextSelectableByMouse);
    slider = new QSlider(Qt::Horizontal, parent);
    slider->setRange(0, steps);
    slider->setSingleStep(1);
    slider->setPageStep(steps / 20);
    spin = new PreciseSpinBox(parent);
    spin->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    if (compact) {
        original->hide(); // its text goes into the name's tooltip
        name->setMaximumWidth(kCompactNameWidth + 40);
        slider->setMinimumWidth(kCompactSliderWidth);
        spin->setMinimumWidth(spin->fontMetrics().horizontalAdvance(QStringLiteral("-0.0000000")) +
                              30);
        grid->addWidget(name, top, 0);
        grid->addWidget(slider, top, 1);
        grid->addWidget(spin, top, 2);
    } else {
        auto* head = new QHBoxLayout;
        head->setSpacing(6);
        head->addWidget(name);
        head->addStretch(1);
        head->addWidget(original);
        grid->addLayout(head, top, 0, 1, 2);
        if (top > 0)
            grid->setRowMinimumHeight(top, name->sizeHint().height() + 6); // air between rows
        spin->setMinimumWidth(
            spin->fontMetrics().horizontalAdvance(QStringLiteral("-0.30000000000000004")) / 2 + 40);
        grid->addWidget(slider, top + 1, 0);
        grid->addWidget(spin, top + 1, 1);
    }

    // The range editor: "range [min] to [max] Auto", shown by the Ranges button.
    rangeEditor = new QWidget(parent);
    auto* editor = new QHBoxLayout(rangeEditor);
    editor->setContentsMargins(0, 0, 0, 0);
    editor->setSpacing(4);
    auto* rangeLabel = new QLabel(ModelPanel::tr("range"), rangeEditor);
    rangeLabel->setForegroundRole(QPalette::PlaceholderText);
    minBox = new PreciseSpinBox(rangeEditor);
    maxBox = new PreciseSpinBox(rangeEditor);
    for (PreciseSpinBox* box : {minBox, maxBox}) {
        box->setKeyboardTracking(false); // commit on Enter or focus out, not per keystroke
        box->setButtonSymbols(QAbstractSpinBox::NoButtons);
        box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    }
    minBox->setToolTip(ModelPanel::tr("Left end of the slider"));
    maxBox->setToolTip(ModelPanel::tr("Right end of the slider"));
    auto* toLabel = new QLabel(ModelPanel::tr("to"), rangeEditor);
    toLabel->setForegroundRole(QPalette::PlaceholderText);
    autoButton = new QToolButton(rangeEditor);
    autoButton->setText(ModelPanel::tr("Auto"));
    autoButton->setToolTip(
        ModelPanel::tr("Let the range follow the data again (centred on the least-squares value)"));
    editor->addWidget(rangeLabel);
    editor->addWidget(minBox, 1);
    editor->addWidget(toLabel);
    editor->addWidget(maxBox, 1);
    editor->addWidget(autoButton);
}

void ParameterRow::setName(const QString& heading, const QString& symbol, const QString& text,
                           const QString& meaning, const QString& spoken) {
    QString shown = text;
    if (compact && name->fontMetrics().horizontalAdvance(text) > kCompactNameWidth) {
        if (!sharedSuffix.isEmpty() && text.size() > sharedSuffix.size() &&
            text.endsWith(sharedSuffix))
            shown = text.chopped(int(sharedSuffix.size())) + QStringLiteral("\u2026");
        shown = name->fontMetrics().elidedText(shown, Qt::ElideMiddle, kCompactNameWidth);
    }
    const QString head =
        heading.isEmpty()
            ? QString()
            : QStringLiteral("<span style='color:gray'>%1</span><br>").arg(heading.toHtmlEscaped());
    name->setText(
        QStringLiteral("%1<b>%2</b>&nbsp;&nbsp;%3").arg(head, symbol, shown.toHtmlEscaped()));
    slider->setAccessibleName(spoken);
    spin->setAccessibleName(spoken);
    minBox->setAccessibleName(ModelPanel::tr("%1: slider from").arg(spoken));
    maxBox->setAccessibleName(ModelPanel::tr("%1: slider to").arg(spoken));
    autoButton->setAccessibleName(ModelPanel::tr("%1: automatic range").arg(spoken));
    m_meaning = meaning;
    updateTips();
}

void ParameterRow::setOriginal(bool visible, const QString& text, const QString& tip) {
    if (!compact) {
        original->setVisible(visible);
        original->setText(text);
        original->setToolTip(tip);
        return;
    }
    m_originalLine = visible ? text : QString();
    updateTips();
}

void ParameterRow::updateTips() {
    const QString tip =
        m_originalLine.isEmpty() ? m_meaning : m_meaning + QLatin1Char('\n') + m_originalLine;
    name->setToolTip(tip);
    slider->setToolTip(tip);
}
