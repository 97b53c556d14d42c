#pragma once
// One row of the model panel: the parameter's name with its value in original units, a slider
// with an exact spin box, and the range editor ("range [min] to [max] Auto") the Ranges button
// shows. It builds the widgets and holds the row's range; ModelPanel connects them.

#include "model/training/SliderRange.h"

class PreciseSpinBox;
class QGridLayout;
class QLabel;
class QSlider;
class QToolButton;
class QWidget;

struct ParameterRow {
    /// Creates the widgets as children of `parent` and lays the head and the slider into grid
    /// rows top and top + 1 (the range editor, for top + 2, is left to the caller); the slider
    /// runs 0..steps.
    void build(QWidget* parent, QGridLayout* grid, int top, int steps);

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
};
