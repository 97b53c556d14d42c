#pragma once
// Qt destroys a widget's children after the widget's own destructor has run; a child that
// signals while it goes (a spin box finishing its edit, a stack clearing) would then call into a
// half-destroyed object. Destructors call this first.

#include <QObject>

/// Blocks every descendant's signals: nothing they emit from here on reaches `owner`.
inline void silenceChildren(QObject* owner) {
    for (QObject* child : owner->findChildren<QObject*>())
        child->blockSignals(true);
}
