#pragma once
// The soak's random user: a seeded sequence of the actions a user takes in a real window (the
// menu actions, the table's model and clipboard paste, the weight sliders and spin boxes, the
// preprocessing controls, gradient descent's buttons, undo and redo, saving, reopening and
// exporting), and the checks after each: the window shows exactly the document, undo then redo
// restores it bit for bit.

#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <random>

class Document;
class MainWindow;

class SoakDriver {
public:
    SoakDriver(MainWindow* window, std::uint64_t seed);

    /// False when its scratch folder could not be made.
    bool isReady() const { return m_dir.isValid(); }

    /// One random action; returns what it did, for the failure report ("FAIL ..." when it
    /// failed).
    QString act();
    /// Empty when the window shows the document faithfully, else what is wrong.
    QString checkShown() const;
    /// Undo then redo; empty when the document is back bit for bit, else what differs.
    QString checkUndoRedo();

private:
    QString editCell();
    QString editBadText();
    QString paste();
    QString insertRow();
    QString removeRows();
    QString addFeature();
    QString removeFeature();
    QString renameOrRelabel();
    QString dragSlider();
    QString typeWeight();
    QString changeTransform();
    QString training();
    QString undoRedo();
    QString fitOrReset();
    QString exportSomething();
    QString saveAndReopen();

    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    double randomValue();
    QString valueText(double v) const { return QString::number(v, 'g', 17); }

    std::mt19937_64 m_rng;
    MainWindow* m_window;
    Document* m_doc;
    QTemporaryDir m_dir; ///< where saves and exports go
    int m_exports = 0;
};
