#include "ui/training/PenaltyOverlay.h"

#include "app/document/Document.h"
#include "model/training/ConstraintRegion.h"
#include "ui/common/NumberText.h"

#include <QCoreApplication>

#include <cmath>

using namespace linlab;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("PenaltyOverlay", text);
}

const QColor kRegionColor(0x2c, 0xa0, 0x2c);

} // namespace

PenaltyOverlay::PenaltyOverlay(QCustomPlot* plot, QCPLayer* layer)
    : m_plot(plot)
    , m_curve(new QCPCurve(plot->xAxis, plot->yAxis))
    , m_label(new QCPItemText(plot)) {
    m_curve->setLayer(layer);
    QColor fill = kRegionColor;
    fill.setAlpha(45);
    m_curve->setPen(QPen(kRegionColor.lighter(130), 2.0));
    m_curve->setBrush(fill);
    m_curve->removeFromLegend();
    m_label->setLayer(layer);
    m_label->setColor(kRegionColor.lighter(150));
    m_label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    m_label->setClipToAxisRect(true);
    hide();
}

void PenaltyOverlay::refit(const Document& document) {
    m_settings = document.fitSettings();
    const std::optional<LinearModel> fit =
        document.fitSetup().fit(document.analysis(), document.model());
    m_valid = fit.has_value() && fit->weights().n_elem == document.model().weights().n_elem;
    m_fit = m_valid ? *fit : LinearModel();
}

void PenaltyOverlay::draw(arma::uword i, arma::uword j) {
    const arma::uword d = m_fit.weights().n_elem;
    if (!m_valid || m_settings.penalty == Penalty::None || i >= d || j >= d) {
        hide();
        return;
    }
    const Penalty penalty = m_settings.penalty;
    const double wi = m_fit.weights()(i), wj = m_fit.weights()(j);
    const double r = ConstraintRegion::radius(penalty, wi, wj);
    const arma::mat points = ConstraintRegion::outline(penalty, r);
    if (points.is_empty()) {
        hide();
        return;
    }
    QVector<QCPCurveData> data;
    data.reserve(int(points.n_cols));
    for (arma::uword k = 0; k < points.n_cols; ++k)
        data.append(QCPCurveData(double(k), points(0, k), points(1, k)));
    m_curve->data()->set(data, true);
    m_curve->setVisible(true);
    m_radius = r;
    const bool ridge = penalty == Penalty::Ridge;
    const QString name = ridge ? tr("L2 ball: \u2016w\u2016\u2082 \u2264 %1 (the ridge fit's)")
                               : tr("L1 diamond: \u2016w\u2016\u2081 \u2264 %1 (the lasso fit's)");
    m_curve->setName(name.arg(NumberText::brief(r, 3)));
    if (!m_plot->legend->hasItemWithPlottable(m_curve))
        m_curve->addToLegend();
    m_label->position->setCoords(0.0, r);
    m_label->setText(ridge ? tr("\u2016w\u2016\u2082 \u2264 %1").arg(NumberText::brief(r, 3))
                           : tr("\u2016w\u2016\u2081 \u2264 %1").arg(NumberText::brief(r, 3)));
    m_label->setVisible(true);
}

void PenaltyOverlay::hide() {
    m_curve->data()->clear();
    m_curve->setVisible(false);
    m_curve->removeFromLegend();
    m_label->setVisible(false);
    m_radius = arma::datum::nan;
}

QString PenaltyOverlay::lossName() const {
    switch (m_settings.penalty) {
    case Penalty::Ridge:
        return tr("ridge loss");
    case Penalty::Lasso:
        return tr("lasso loss");
    case Penalty::None:
        break;
    }
    return tr("MSE");
}

QString PenaltyOverlay::fitName() const {
    const QString origin = m_settings.intercept ? QString() : tr(", b = 0");
    switch (m_settings.penalty) {
    case Penalty::Ridge:
        return tr("ridge fit") + origin;
    case Penalty::Lasso:
        return tr("lasso fit") + origin;
    case Penalty::None:
        break;
    }
    return tr("least squares") + origin;
}
