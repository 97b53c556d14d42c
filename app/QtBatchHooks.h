#pragma once
// The Qt side of `linlab --batch`: project files and plots, drawn offscreen.

#include "app/batch/BatchHooks.h"

class QtBatchHooks : public linlab::BatchHooks {
public:
    linlab::BatchProject loadProject(const std::string& path) override;
    void saveProject(const std::string& path, const linlab::BatchProject& project) override;
    void exportPlot(const std::string& kind, const std::string& path, int width, int height,
                    const linlab::BatchProject& project, const linlab::BatchRun* run) override;
};
