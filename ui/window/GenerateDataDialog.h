#pragma once
// Data > Generate: the rows, the true weights and bias, the noise and the seed of a data set
// whose truth the user knows (model/data/SyntheticData). OK stays off while the entries cannot
// make one, and the dialog says why.

#include "model/data/SyntheticData.h"

#include <QDialog>

class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

class GenerateDataDialog : public QDialog {
    Q_OBJECT
public:
    explicit GenerateDataDialog(QWidget* parent = nullptr);
    /// The entries as a spec (meaningful when accepted).
    linlab::SyntheticSpec spec() const;
    /// Fills the entries from `spec` (the last one used).
    void setSpec(const linlab::SyntheticSpec& spec);

private:
    /// The weights typed, or an empty vector when one does not read as a number.
    arma::vec weights() const;
    void check();

    QSpinBox* m_rows;
    QLineEdit* m_weights;
    QDoubleSpinBox* m_bias;
    QDoubleSpinBox* m_noise;
    QDoubleSpinBox* m_low;
    QDoubleSpinBox* m_high;
    QSpinBox* m_seed;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};
