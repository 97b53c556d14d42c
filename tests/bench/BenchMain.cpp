// linlab-bench: times LinLab's model, CSV reader and live frame on generated data, for the side by
// side comparison with NumPy and pandas (tests/bench/compare_numpy.py, scripts/bench).

#include "model/support/BlasThreads.h"
#include "tests/bench/BenchData.h"
#include "tests/bench/BenchOptions.h"
#include "tests/bench/BenchRunner.h"
#include "tests/bench/FrameBench.h"
#include "tests/bench/MemoryStats.h"

#include "app/document/Document.h"
#include "ui/window/CsvLoader.h"
#include "ui/window/MainWindow.h"

#include <QApplication>
#include <QStandardPaths>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

double mb(std::size_t bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

// Milliseconds with enough digits for sub-microsecond ticks.
std::string ms(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, value < 0.01 ? "%.3g" : "%.3f", value);
    return buffer;
}

void printJson(const std::vector<CaseResult>& results, std::size_t peakRss) {
    std::ostringstream out;
    out.precision(9);
    out << "{\"cases\": [";
    for (std::size_t i = 0; i < results.size(); ++i) {
        const CaseResult& r = results[i];
        out << (i ? ",\n  " : "\n  ") << "{\"name\": \"" << r.name << "\", \"n\": " << r.n
            << ", \"d\": " << r.d << ", \"median_ms\": " << r.timing.medianMs
            << ", \"min_ms\": " << r.timing.minMs << ", \"repeats\": " << r.timing.repeats
            << ", \"runs_per_sample\": " << r.timing.runsPerSample;
        if (r.rssDeltaMb >= 0)
            out << ", \"rss_delta_mb\": " << fixed(r.rssDeltaMb, 1);
        if (r.plots >= 0)
            out << ", \"plots\": " << r.plots << ", \"replots\": " << r.replots
                << ", \"set_model_ms\": " << r.modelMs << ", \"queued_ms\": " << r.eventsMs
                << ", \"paint_ms\": " << r.paintMs;
        if (r.editMs >= 0)
            out << ", \"edit_ms\": " << r.editMs;
        out << "}";
    }
    out << "\n], \"peak_rss_mb\": " << fixed(mb(peakRss), 1) << "}\n";
    std::cout << out.str();
}

void printTable(const std::vector<CaseResult>& results, std::size_t peakRss) {
    std::printf("%-17s %9s %3s %12s %12s %8s  %s\n", "case", "n", "d", "median ms", "min ms",
                "repeats", "note");
    for (const CaseResult& r : results) {
        std::string note;
        if (r.rssDeltaMb >= 0)
            note = "peak RSS +" + fixed(r.rssDeltaMb, 1) + " MB";
        if (r.plots >= 0)
            note = std::to_string(r.plots) + " plots, " + std::to_string(r.replots) +
                   " replots; setModel " + ms(r.modelMs) + ", queued " + ms(r.eventsMs) +
                   ", paint " + ms(r.paintMs) + " ms";
        if (r.editMs >= 0)
            note = "the edit " + ms(r.editMs) + " ms, then the report";
        if (r.timing.runsPerSample > 1)
            note += (note.empty() ? "" : ", ") + std::to_string(r.timing.runsPerSample) +
                    " runs/sample";
        std::printf("%-17s %9llu %3llu %12s %12s %8d  %s\n", r.name.c_str(),
                    static_cast<unsigned long long>(r.n), static_cast<unsigned long long>(r.d),
                    ms(r.timing.medianMs).c_str(), ms(r.timing.minMs).c_str(), r.timing.repeats,
                    note.c_str());
    }
    std::printf("peak RSS: %.1f MB\n", mb(peakRss));
}

// The memory a user's machine shows with `path` open in the window: loaded by the window's own
// background loader (as after the import dialog), every view settled.
int windowRss(const std::string& path) {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    bool done = false;
    std::string error;
    QObject::connect(window.csvLoader(), &CsvLoader::loaded, &window, [&] { done = true; });
    QObject::connect(window.csvLoader(), &CsvLoader::failed, &window, [&](const QString& message) {
        error = message.toStdString();
        done = true;
    });
    const auto start = std::chrono::steady_clock::now();
    window.loadCsv(QString::fromStdString(path), linlab::CsvReadOptions{}, -1);
    while (!done)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    for (int i = 0; i < 10; ++i)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!error.empty()) {
        std::cerr << "linlab-bench: " << error << "\n";
        return 1;
    }
    std::cout << "{\"rss_mb\": " << fixed(mb(MemoryStats::currentRss()), 1)
              << ", \"peak_rss_mb\": " << fixed(mb(MemoryStats::processPeakRss()), 1)
              << ", \"load_ms\": " << fixed(ms, 0)
              << ", \"rows\": " << window.document()->dataset().rowCount() << "}\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    linlab::useSingleThreadedBlas(); // as LinLab itself does
    BenchOptions options;
    try {
        options = BenchOptions::parse(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "linlab-bench: " << e.what() << "\n" << BenchOptions::usage();
        return 2;
    }
    if (options.help) {
        std::cout << BenchOptions::usage();
        return 0;
    }

    // The frame case needs the window: offscreen, and with settings apart from the user's.
    std::unique_ptr<QApplication> app;
    std::unique_ptr<FrameBench> frame;
    if (!options.windowRssFile.empty()) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("LinLab"));
        QApplication::setApplicationName(QStringLiteral("LinLabBench"));
        QApplication application(argc, argv);
        return windowRss(options.windowRssFile);
    }
    if (options.wants("frame") || options.wants("cell_edit") || options.wants("report") ||
        options.wants("alpha_drag")) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("LinLab"));
        QApplication::setApplicationName(QStringLiteral("LinLabBench"));
        app = std::make_unique<QApplication>(argc, argv);
        frame = std::make_unique<FrameBench>();
    }

    std::string dataDir = options.dataDir;
    bool temporary = false;
    if (dataDir.empty()) {
        dataDir =
            (std::filesystem::temp_directory_path() / ("linlab-bench-" + std::to_string(getpid())))
                .string();
        temporary = true;
    }
    int status = 0;
    try {
        std::filesystem::create_directories(dataDir);
        BenchRunner runner(options, dataDir);
        runner.setFrameBench(frame.get());
        for (arma::uword n : options.sizes)
            for (arma::uword d : options.dims)
                runner.run(n, d);
        // The real-data case's file (text, "NA" cells) for compare_numpy.py's batch_real.
        if (!temporary && !options.sizes.empty()) {
            const arma::uword n = *std::max_element(options.sizes.begin(), options.sizes.end());
            BenchData::writeRealCsv(
                n, (std::filesystem::path(dataDir) / BenchData::realCsvName(n)).string());
        }
        if (options.json)
            printJson(runner.results(), MemoryStats::processPeakRss());
        else
            printTable(runner.results(), MemoryStats::processPeakRss());
    } catch (const std::exception& e) {
        std::cerr << "linlab-bench: " << e.what() << "\n";
        status = 1;
    }
    frame.reset();
    if (temporary) {
        std::error_code ec;
        std::filesystem::remove_all(dataDir, ec);
    }
    return status;
}
