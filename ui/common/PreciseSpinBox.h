#pragma once
// A QDoubleSpinBox that never rounds: it shows the shortest text that reads back to exactly the
// stored double and accepts any finite number the strict parser accepts ("1e-7", "-0.25").
// QDoubleSpinBox's default would round every value to 2 decimals, so 0.1 + 0.2 would silently
// become 0.3 and the model on screen would differ from the model in the document.

#include <QDoubleSpinBox>

class PreciseSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    /// Range +-1e300, step 1, full precision.
    explicit PreciseSpinBox(QWidget* parent = nullptr);

    /// The shortest round-trip text of `value` (NumberFormat's formatDouble).
    QString textFromValue(double value) const override;
    /// The strictly parsed value of `text`; the current value when the text is not a number.
    double valueFromText(const QString& text) const override;
    /// Acceptable: a whole finite number inside the range. Intermediate: empty, a prefix of a
    /// number ("-", "1e", "2.") or out of range. Invalid: anything else.
    QValidator::State validate(QString& input, int& pos) const override;
    /// Leaves the text alone: an unfinished entry is reverted to the last value by Qt.
    void fixup(QString& input) const override;
};
