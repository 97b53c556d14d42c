#include "ui/panels/FeaturePicker.h"

#include "ui/common/NumberText.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>

FeaturePicker::FeaturePicker(QWidget* parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_note(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter weights by name: x12, price, ..."));
    m_filter->setToolTip(
        tr("Sliders for the features whose names contain one of these comma-separated words"));
    m_filter->setAccessibleName(tr("Filter weights by name"));
    layout->addWidget(m_note);
    layout->addWidget(m_filter);
    connect(m_filter, &QLineEdit::textChanged, this, &FeaturePicker::changed);
}

std::vector<int> FeaturePicker::pick(const QStringList& names, int cap, int& matches) const {
    QStringList words;
    if (names.size() >= kFilterFrom)
        for (const QString& word : m_filter->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!word.trimmed().isEmpty())
                words << word.trimmed();
    std::vector<int> picked;
    matches = 0;
    for (int j = 0; j < names.size(); ++j) {
        const bool match =
            words.isEmpty() || std::any_of(words.cbegin(), words.cend(), [&](const QString& w) {
                return names.at(j).contains(w, Qt::CaseInsensitive);
            });
        if (match && ++matches <= cap)
            picked.push_back(j);
    }
    return picked;
}

void FeaturePicker::showState(int features, int shown, int matches) {
    const bool offered = features >= kFilterFrom;
    setVisible(offered);
    m_filter->setVisible(offered);
    const bool filtered = !m_filter->text().trimmed().isEmpty();
    QString text;
    if (shown < features && !filtered)
        text = tr("%1 features: sliders are shown for the first %2. Type names below to pick "
                  "which; Fit and Reset still set every weight.")
                   .arg(NumberText::count(features), NumberText::count(shown));
    else if (filtered)
        text = tr("%1 of %2 features match: sliders are shown for %3. Fit and Reset still set "
                  "every weight.")
                   .arg(NumberText::count(matches), NumberText::count(features),
                        shown < matches ? tr("the first %1").arg(NumberText::count(shown))
                                        : tr("all of them"));
    m_note->setText(text);
    m_note->setVisible(offered && !text.isEmpty());
}
