#include "ui/table/ColumnMenu.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "model/data/DesignRoles.h"
#include "ui/table/DerivedMenu.h"

#include <QActionGroup>
#include <QMenu>
#include <QUndoStack>

#include <stdexcept>

using linlab::ColumnType;
using linlab::Role;

void ColumnMenu::addTo(QMenu* menu, Document* document, int column, const Message& message) {
    addTypeMenu(menu, document, column, message);
    if (!document->isTyped())
        return;
    addRoleMenu(menu, document, column, message);
    addFillAndReference(menu, document, column);
}

void ColumnMenu::addTypeMenu(QMenu* menu, Document* document, int column, const Message& message) {
    QMenu* types = menu->addMenu(QObject::tr("Type"));
    auto* group = new QActionGroup(types);
    const ColumnType current = document->isTyped()
                                   ? document->source().table.column(std::size_t(column)).type()
                                   : ColumnType::Numeric;
    const std::pair<ColumnType, QString> choices[] = {
        {ColumnType::Numeric, QObject::tr("Numeric")},
        {ColumnType::Date, QObject::tr("Date")},
        {ColumnType::Categorical, QObject::tr("Categorical (one dummy per level but the first)")},
        {ColumnType::Text, QObject::tr("Text (shown, not used)")},
    };
    for (const auto& [type, label] : choices) {
        QAction* action = types->addAction(label);
        action->setCheckable(true);
        action->setChecked(type == current);
        group->addAction(action);
        QObject::connect(
            action, &QAction::triggered, types, [document, column, type = type, current, message] {
                if (type == current)
                    return;
                const QString read = type == ColumnType::Numeric || type == ColumnType::Date
                                         ? QString()
                                         : DerivedMenu::readersRefusal(
                                               document, column, QObject::tr("made that type"));
                if (!read.isEmpty()) {
                    message(read, true);
                    return;
                }
                const QString why = document->checkColumnType(column, type);
                if (!why.isEmpty()) {
                    message(why, true);
                    return;
                }
                document->undoStack()->push(new SetColumnTypeCommand(document, column, type));
            });
    }
}

void ColumnMenu::addRoleMenu(QMenu* menu, Document* document, int column, const Message& message) {
    QMenu* roles = menu->addMenu(QObject::tr("Use as"));
    auto* group = new QActionGroup(roles);
    const Role current = document->design().roles()[std::size_t(column)];
    const std::pair<Role, QString> choices[] = {
        {Role::Label, QObject::tr("Label y")},
        {Role::Feature, QObject::tr("Feature")},
        {Role::Ignored, QObject::tr("Not Used")},
    };
    for (const auto& [role, label] : choices) {
        QAction* action = roles->addAction(label);
        action->setCheckable(true);
        action->setChecked(role == current);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, roles,
                         [document, column, role = role, current, label = label, message] {
                             if (role == current)
                                 return;
                             if (const QString why = DerivedMenu::readersRefusal(
                                     document, column, QObject::tr("the label"));
                                 role == Role::Label && !why.isEmpty()) {
                                 message(why, true);
                                 return;
                             }
                             const linlab::SourceTable& source = document->source();
                             try {
                                 const linlab::DesignOptions options =
                                     linlab::DesignRoles::withRole(source.table, source.design,
                                                                   std::size_t(column), role);
                                 document->undoStack()->push(new SetDesignCommand(
                                     document, options,
                                     QObject::tr("Use \"%1\" as %2")
                                         .arg(QString::fromStdString(
                                                  source.table.column(std::size_t(column)).name()),
                                              label)));
                             } catch (const std::invalid_argument& e) {
                                 message(QString::fromStdString(e.what()), true);
                             }
                         });
    }
}

void ColumnMenu::addFillAndReference(QMenu* menu, Document* document, int column) {
    const linlab::SourceTable& source = document->source();
    const linlab::Column& cells = source.table.column(std::size_t(column));
    if (document->design().roles()[std::size_t(column)] != Role::Feature)
        return;
    const QString name = QString::fromStdString(cells.name());
    if (cells.missingCount() > 0) {
        const bool filled =
            linlab::DesignRoles::isFilled(source.table, source.design, std::size_t(column));
        QAction* fill =
            menu->addAction(cells.type() == ColumnType::Categorical
                                ? QObject::tr("Fill Missing Values with the Most Frequent Level")
                                : QObject::tr("Fill Missing Values with the Mean"));
        fill->setCheckable(true);
        fill->setChecked(filled);
        QObject::connect(fill, &QAction::triggered, menu, [document, column, filled, name] {
            const linlab::SourceTable& s = document->source();
            document->undoStack()->push(new SetDesignCommand(
                document,
                linlab::DesignRoles::withFill(s.table, s.design, std::size_t(column), !filled),
                filled ? QObject::tr("Leave Out Rows Missing \"%1\"").arg(name)
                       : QObject::tr("Fill Missing \"%1\"").arg(name)));
        });
    }
    addFillEveryFeature(menu, document);
    if (cells.type() != ColumnType::Categorical)
        return;
    QMenu* references = menu->addMenu(QObject::tr("Reference Level (no dummy)"));
    auto* group = new QActionGroup(references);
    const std::string& current = document->design().references()[std::size_t(column)];
    for (const std::string& level : cells.levels()) {
        QAction* action = references->addAction(QString::fromStdString(level));
        action->setCheckable(true);
        action->setChecked(level == current);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, references, [document, level, current, name] {
            if (level == current)
                return;
            linlab::DesignOptions options = document->source().design;
            options.reference[name.toStdString()] = level;
            document->undoStack()->push(
                new SetDesignCommand(document, options,
                                     QObject::tr("Reference Level of \"%1\": %2")
                                         .arg(name, QString::fromStdString(level))));
        });
    }
}

void ColumnMenu::addFillEveryFeature(QMenu* menu, Document* document) {
    const linlab::SourceTable& source = document->source();
    linlab::DesignOptions options = source.design;
    options.fill.clear();
    for (std::size_t c = 0; c < source.table.columnCount(); ++c)
        if (document->design().roles()[c] == Role::Feature &&
            source.table.column(c).missingCount() > 0 &&
            source.table.column(c).missingCount() < source.table.rowCount())
            options.fill.push_back(source.table.column(c).name());
    if (options.fill.empty() || options.fill == source.design.fill)
        return;
    QAction* all = menu->addAction(QObject::tr("Fill Missing Values in Every Feature"));
    QObject::connect(all, &QAction::triggered, menu, [document, options] {
        document->undoStack()->push(
            new SetDesignCommand(document, options, QObject::tr("Fill Every Feature")));
    });
}
