#pragma once
// The table's header labels, each line elided in the middle to its section's width. Qt's own
// header elides only one-line labels; ours are two lines (the name, then its type and role), so
// a long name was clipped at both ends and ran into the next header.

#include <QProxyStyle>

class HeaderLabelStyle : public QProxyStyle {
    Q_OBJECT
public:
    /// A style over the application's; give it a parent to own it.
    explicit HeaderLabelStyle(QObject* parent = nullptr);

    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget = nullptr) const override;
};
