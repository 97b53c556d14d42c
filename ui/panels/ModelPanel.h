#pragma once
// "The weights": one row per feature and one for the bias, each a slider over a range derived
// from the data and an exact spin box, plus Fit (least squares) and Reset (the lesson's model).
// The panel only reads the document; every change becomes a SetModelCommand on its undo stack,
// and one whole slider drag is one undo step. A wide table gets rows for at most kMaxSliders
// weights, picked by name; the others stay in the model (Fit still sets them).

#include "model/data/Transform.h"
#include "ui/panels/ParameterRow.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

class Document;
class FeaturePicker;
class FitSettingsGroup;
class PreciseSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QToolButton;
class QVBoxLayout;
class QWidget;

class ModelPanel : public QWidget {
    Q_OBJECT
public:
    /// Slider positions run 0..kSliderSteps, mapped linearly onto each row's range.
    static constexpr int kSliderSteps = 1000;
    /// Rows are built for at most this many weights (and the bias): thousands of sliders would
    /// take seconds to build and lay out.
    static constexpr int kMaxSliders = 200;
    /// From this many features on, each row is one line (ParameterRow's compact row).
    static constexpr int kCompactFrom = 8;

    explicit ModelPanel(Document* document, QWidget* parent = nullptr);
    ~ModelPanel() override;

    /// Number of parameters: the features' weights, then the bias (parameter d).
    int parameterCount() const { return int(m_rowOf.size()); }
    /// The parameters that have a row, in order, the bias last: all of them up to kMaxSliders
    /// weights, else those picked with featureFilter() (the first kMaxSliders of them).
    std::vector<int> shownParameters() const;
    /// The slider of weight `parameter` (the bias when parameter == d); nullptr when out of range
    /// or the parameter has no row.
    QSlider* slider(int parameter) const;
    /// The exact spin box of weight `parameter` (the bias when parameter == d).
    PreciseSpinBox* spinBox(int parameter) const;
    /// The muted label with the parameter in original feature units (hidden for the identity
    /// transform).
    QLabel* originalLabel(int parameter) const;
    QPushButton* fitButton() const { return m_fitButton; }
    QPushButton* resetButton() const { return m_resetButton; }
    /// The penalty, alpha and through-the-origin controls.
    FitSettingsGroup* fitGroup() const { return m_fitGroup; }
    /// Shows or hides the per-row range editors.
    QToolButton* rangesButton() const { return m_rangesButton; }
    /// Picks the weights that get rows on a wide table: features whose names contain one of its
    /// comma-separated words; hidden while every weight has a row.
    QLineEdit* featureFilter() const;
    /// Says how many weights have rows and how to pick them; hidden while every weight has one.
    QLabel* featureNote() const;

    /// The lower end of the parameter's slider range.
    double rangeMinimum(int parameter) const;
    /// The upper end of the parameter's slider range.
    double rangeMaximum(int parameter) const;
    /// True when the user set this row's range (it no longer follows the data).
    bool isUserRange(int parameter) const;
    /// The value slider position `position` stands for: the shortest decimal within a
    /// thousandth of a slider step of the linear position, so ticks read "4.02", not "4.0199999".
    double valueAt(int parameter, int position) const;
    /// The slider position closest to `value` (clamped to the range).
    int positionOf(int parameter, double value) const;

public slots:
    /// Fixes the slider range of one parameter (minimum < maximum, both finite; ignored otherwise).
    void setRange(int parameter, double minimum, double maximum);
    /// Lets the parameter's range follow the data again.
    void setAutomaticRange(int parameter);

private:
    /// A categorical feature's dummy: its column, level and the column's reference level.
    struct DummyOf {
        bool isDummy = false;
        QString column, level, reference;
    };
    DummyOf dummyOf(int parameter) const;
    using Row = ParameterRow;

    void onFeatureFilterChanged();
    Row* row(int parameter);
    const Row* row(int parameter) const;
    void onAnalysisChanged();
    void onModelChanged();
    void rebuildRows();
    void buildRow(int parameter, QGridLayout* grid);
    void updateTexts();
    void syncFromDocument();
    void showInterceptState();
    void computeAutomaticRange(int parameter);
    void includeCurrentValue(int parameter);
    void showRange(int parameter);
    void onSliderValueChanged(int parameter, int position);
    void onSpinValueChanged(int parameter, double value);
    void onRangeEdited(int parameter);
    void pushValue(int parameter, double value, const QString& text, int mergeId);
    double currentValue(int parameter) const;
    QString parameterSymbol(int parameter) const;
    bool rowsMatchDocument() const;

    Document* m_document;
    QWidget* m_rowsHost = nullptr;
    QWidget* m_rowsWidget = nullptr;
    std::vector<Row> m_rows;  ///< the rows shown, in parameter order
    std::vector<int> m_rowOf; ///< per parameter, its index in m_rows, or -1 without a row
    QStringList m_names;
    QString m_sharedSuffix; ///< what every feature's name ends with, dropped on compact rows
    QPushButton* m_fitButton = nullptr;
    QPushButton* m_resetButton = nullptr;
    FitSettingsGroup* m_fitGroup = nullptr;
    QToolButton* m_rangesButton = nullptr;
    FeaturePicker* m_picker = nullptr;
    int m_dragId = 0; ///< non-zero while a slider is held down
    int m_editId = 0; ///< non-zero during one spin-box editing session
    int m_editParameter = -1;
    bool m_updating = false;                  ///< set while document values are pushed into widgets
    linlab::TransformSettings m_lastSettings; ///< user ranges are dropped when the units change
};
