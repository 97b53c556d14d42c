#pragma once
// The display setting for numbers a person reads (View > Significant Digits): how many
// significant digits panels show, 6 by default, 0 for every digit. What is stored, copied,
// exported and shown in tooltips stays exact whatever it says (NumberText::exact).

#include <QObject>

class DisplayDigits : public QObject {
    Q_OBJECT
public:
    /// The digits every panel shows now: 0 (every digit) or 1 to 17.
    static int digits();
    /// Changes the setting (clamped to 0 .. 17) and tells every panel; kept in QSettings.
    static void setDigits(int digits);
    /// Reads the setting kept by setDigits() (at start-up).
    static void restore();
    /// The object whose changed() every panel that shows numbers listens to.
    static DisplayDigits* instance();
    /// The default: 6 significant digits, as "284.987" for 284.98720000000014.
    static constexpr int kDefault = 6;

signals:
    /// The setting changed: panels redraw their numbers.
    void changed();

private:
    DisplayDigits() = default;
};
