#pragma once
// Which weights get rows in the model panel. From kFilterFrom features on, a filter box picks
// them by name (comma-separated words) and a note says how many are shown; a table wider than
// the panel's cap shows the first of the matches. Fit and Reset still set every weight.

#include <QStringList>
#include <QWidget>

#include <vector>

class QLabel;
class QLineEdit;

class FeaturePicker : public QWidget {
    Q_OBJECT
public:
    /// The filter is offered from this many features on (below, every weight has its row).
    static constexpr int kFilterFrom = 12;

    explicit FeaturePicker(QWidget* parent = nullptr);

    QLineEdit* filter() const { return m_filter; }
    QLabel* note() const { return m_note; }

    /// The features whose weights get rows: the first `cap` of those whose names contain one of
    /// the filter's words (every feature for an empty filter or fewer than kFilterFrom);
    /// `matches` counts them all.
    std::vector<int> pick(const QStringList& names, int cap, int& matches) const;
    /// Shows or hides the picker for `features` features, `shown` of `matches` with rows.
    void showState(int features, int shown, int matches);

signals:
    /// The filter's text changed: the rows are to be picked again.
    void changed();

private:
    QLineEdit* m_filter;
    QLabel* m_note;
};
