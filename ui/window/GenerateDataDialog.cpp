#include "ui/window/GenerateDataDialog.h"

#include "model/io/NumberFormat.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <charconv>
#include <limits>

namespace {

QDoubleSpinBox* numberBox(double low, double high, double value) {
    auto* box = new QDoubleSpinBox;
    box->setRange(low, high);
    box->setDecimals(4);
    box->setValue(value);
    return box;
}

} // namespace

GenerateDataDialog::GenerateDataDialog(QWidget* parent)
    : QDialog(parent)
    , m_rows(new QSpinBox)
    , m_weights(new QLineEdit)
    , m_bias(numberBox(-1e9, 1e9, 1))
    , m_noise(numberBox(0, 1e9, 1))
    , m_low(numberBox(-1e9, 1e9, 0))
    , m_high(numberBox(-1e9, 1e9, 10))
    , m_seed(new QSpinBox)
    , m_problem(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setWindowTitle(tr("Generate Data"));
    m_rows->setRange(1, int(linlab::SyntheticData::kMaxRows));
    m_rows->setValue(100);
    m_rows->setGroupSeparatorShown(true);
    m_weights->setText(QStringLiteral("2"));
    m_weights->setToolTip(tr("One true weight per feature, separated by commas: \u201c2, -1\u201d "
                             "makes two features x1 and x2"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setToolTip(tr("The same seed gives the same rows on every machine"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Rows:"), m_rows);
    form->addRow(tr("True &weights:"), m_weights);
    form->addRow(tr("True &bias:"), m_bias);
    form->addRow(tr("&Noise (std):"), m_noise);
    form->addRow(tr("Features &from:"), m_low);
    form->addRow(tr("Features &to:"), m_high);
    form->addRow(tr("&Seed:"), m_seed);
    auto* note = new QLabel(tr("y = X\u00b7w + b + noise, each feature drawn evenly from its "
                               "range, the noise normal. The data replaces the table (undo "
                               "brings it back); press Fit and see how close it gets."));
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_weights, &QLineEdit::textChanged, this, &GenerateDataDialog::check);
    for (QDoubleSpinBox* box : {m_bias, m_noise, m_low, m_high})
        connect(box, &QDoubleSpinBox::valueChanged, this, &GenerateDataDialog::check);
    check();
}

arma::vec GenerateDataDialog::weights() const {
    std::vector<double> values;
    for (const QString& part : m_weights->text().split(QLatin1Char(','))) {
        const std::string text = part.trimmed().toStdString();
        double v = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (text.empty() || error != std::errc() || end != text.data() + text.size())
            return {};
        values.push_back(v);
    }
    return arma::vec(values);
}

linlab::SyntheticSpec GenerateDataDialog::spec() const {
    linlab::SyntheticSpec s;
    s.rows = arma::uword(m_rows->value());
    s.weights = weights();
    s.bias = m_bias->value();
    s.noise = m_noise->value();
    s.low = m_low->value();
    s.high = m_high->value();
    s.seed = std::uint64_t(m_seed->value());
    return s;
}

void GenerateDataDialog::setSpec(const linlab::SyntheticSpec& s) {
    m_rows->setValue(int(s.rows));
    QStringList parts;
    for (const double w : s.weights)
        parts << QString::fromStdString(linlab::formatDouble(w));
    m_weights->setText(parts.join(QStringLiteral(", ")));
    m_bias->setValue(s.bias);
    m_noise->setValue(s.noise);
    m_low->setValue(s.low);
    m_high->setValue(s.high);
    m_seed->setValue(int(s.seed));
    check();
}

void GenerateDataDialog::check() {
    const linlab::SyntheticSpec s = spec();
    QString problem;
    if (s.weights.is_empty())
        problem = tr("The weights must be numbers separated by commas, e.g. \u201c2, -1\u201d.");
    else
        problem = QString::fromStdString(linlab::SyntheticData::check(s));
    if (!problem.isEmpty())
        problem[0] = problem[0].toUpper();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}
