#pragma once
// The table header's column menu entries for types and roles: Type (numeric, date, categorical,
// text), Use as (label, feature, not used), Fill Missing Values and Reference Level. Each choice
// is one undo command on the document; a refused one is said through `message`.

#include <QString>

#include <functional>

class Document;
class QMenu;
class QWidget;

class ColumnMenu {
public:
    using Message = std::function<void(const QString& text, bool error)>;

    /// Adds the entries for table column `column` to `menu`.
    static void addTo(QMenu* menu, Document* document, int column, const Message& message);

private:
    static void addTypeMenu(QMenu* menu, Document* document, int column, const Message& message);
    static void addRoleMenu(QMenu* menu, Document* document, int column, const Message& message);
    static void addFillAndReference(QMenu* menu, Document* document, int column);
    static void addFillEveryFeature(QMenu* menu, Document* document);
};
