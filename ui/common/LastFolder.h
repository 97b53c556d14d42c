#pragma once
// The folder a file dialog starts in, remembered between runs (QSettings). Opening and saving
// files remember one ("files/lastFolder"), exporting plots another ("export/folder"): the keys
// earlier versions wrote, so users' settings still apply.

#include <QString>

class LastFolder {
public:
    enum class Purpose {
        Files, ///< open, save, export data and scripts; first time: the home folder
        Plots  ///< export plots; first time: Pictures if there is one, else home
    };

    /// The folder remembered for `purpose`, or initial(purpose) when none is (or it is gone).
    static QString get(Purpose purpose);
    /// Remembers `folder` for `purpose`.
    static void set(Purpose purpose, const QString& folder);
    /// Remembers the folder that holds `file`.
    static void setFromFile(Purpose purpose, const QString& file);
    /// Where dialogs start before anything was remembered.
    static QString initial(Purpose purpose);
};
