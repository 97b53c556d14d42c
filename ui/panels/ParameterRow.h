#pragma once
// One row of the model panel: the parameter's name with its value in original units, a slider
// with an exact spin box, and the range editor ("range [min] to [max] Auto") the Ranges button
// shows. It builds the widgets and holds the row's range; ModelPanel connects them. A compact
// row (many features) puts the name, slider and spin box on one line, the name elided in the
// middle and the original units in its tooltip.

#include "model/training/SliderRange.h"

#include <QString>

class PreciseSpinBox;
class QGridLayout;
class QLabel;
class QSlider;
class QToolButton;
class QWidget;

struct ParameterRow {
    /// A compact row's name is elided to at most this many pixels.
    static constexpr int kCompactNameWidth = 90;
    /// A compact row's slider is at least this wide.
    static constexpr int kCompactSliderWidth = 80;

    /// Creates the widgets as children of `parent` and lays the head and the slider into grid
    /// rows top and top + 1, or all on row top when `compact` (the range editor, for top + 2
    /// over columns() columns, is left to the caller); the slider runs 0..steps.
    void build(QWidget* parent, QGridLayout* grid, int top, int steps, bool compact);
    /// The grid columns the row spans.
    int columns() const { return compact ? 3 : 2; }
    /// The name label: an optional grey `heading` line, `symbol` (rich text) in bold, then
    /// `text`; `meaning` as its tooltip and the slider's; `spoken` names the row's controls for
    /// a screen reader.
    void setName(const QString& heading, const QString& symbol, const QString& text,
                 const QString& meaning, const QString& spoken);
    /// The value in original units (`text`, every digit in `tip`): its own label, or on a compact
    /// row a line of the name's tooltip; nothing when not `visible`.
    void setOriginal(bool visible, const QString& text, const QString& tip);

    int parameter = -1; ///< the model parameter the row edits (the bias when it equals d)
    QLabel* name = nullptr;
    QLabel* original = nullptr;
    QSlider* slider = nullptr;
    PreciseSpinBox* spin = nullptr;
    QWidget* rangeEditor = nullptr;
    PreciseSpinBox* minBox = nullptr;
    PreciseSpinBox* maxBox = nullptr;
    QToolButton* autoButton = nullptr;
    linlab::SliderRange range;
    bool user = false; ///< the user set the range (it no longer follows the data)
    bool compact = false;
    /// A compact row drops this ending, which every feature's name shares, before it elides the
    /// middle: "sensor_01_reading_value" reads "sensor_01…", not "senso…value" like all others.
    QString sharedSuffix;

private:
    void updateTips();
    QString m_meaning, m_originalLine;
};
