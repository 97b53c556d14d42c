// libFuzzer target: the whole batch pipeline on fuzzed file contents. The first byte picks one of
// a few option sets; the rest is the file `linlab --batch FILE` reads (written to a scratch file:
// the batch reads files by name). Any contents must end in a report (exit 0, a JSON object on
// stdout) or a clean refusal (2 or 3, a message on stderr and nothing on stdout): never a crash,
// a hang or undefined behaviour.

#include "app/batch/BatchCommand.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace {

// The option sets: the report alone, each fit, each transform, a chosen label, the decimal
// comma, a scale that can overflow. Epochs stay few so that runs stay short.
const std::vector<std::vector<std::string>> kOptionSets = {
    {},
    {"--fit", "lstsq"},
    {"--fit", "gd", "--epochs", "50"},
    {"--normalize", "zscore", "--fit", "lstsq"},
    {"--normalize", "minmax", "--ddof", "1", "--fit", "gd", "--epochs", "20"},
    {"--decimal", ",", "--fit", "lstsq", "--full"},
    {"--label", "1", "--fit", "gd", "--epochs", "20", "--batch-size", "2", "--momentum", "0.5"},
    {"--scale", "1e300", "--fit", "lstsq"},
};

// A file of this process's own, rewritten for every input and removed at exit.
const std::string& scratchPath() {
    static const std::string path = [] {
        std::string p = (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp");
        p += "/fuzz_batch_file-XXXXXX.csv";
        const int fd = ::mkstemps(p.data(), 4);
        if (fd < 0)
            std::abort();
        ::close(fd);
        std::atexit([] { std::remove(scratchPath().c_str()); });
        return p;
    }();
    return path;
}

bool writeScratch(std::string_view contents) {
    std::FILE* file = std::fopen(scratchPath().c_str(), "wb");
    if (!file)
        return false;
    const bool ok = std::fwrite(contents.data(), 1, contents.size(), file) == contents.size();
    return std::fclose(file) == 0 && ok;
}

// Most fields on a line: files far wider than their rows are another issue's cost (the d x d
// fit), not this target's concern; they would only make runs slow.
std::size_t widestLine(std::string_view text) {
    std::size_t widest = 0;
    std::size_t fields = 1;
    for (char c : text) {
        if (c == ',' || c == ';' || c == '\t') {
            ++fields;
        } else if (c == '\n') {
            widest = std::max(widest, fields);
            fields = 1;
        }
    }
    return std::max(widest, fields);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::string_view contents(reinterpret_cast<const char*>(data + 1), size - 1);
    if (widestLine(contents) > 64)
        return 0;
    if (!writeScratch(contents))
        std::abort(); // the disk, not the program under test
    std::vector<std::string> args{"--batch", scratchPath()};
    const std::vector<std::string>& options = kOptionSets[data[0] % kOptionSets.size()];
    args.insert(args.end(), options.begin(), options.end());

    std::ostringstream out, err;
    const int status = linlab::BatchCommand::run(args, out, err);
    const std::string report = out.str();
    if (status == linlab::BatchCommand::Done) {
        if (report.empty() || report.front() != '{' || !err.str().empty())
            __builtin_trap(); // done means a report, and nothing to complain about
    } else if (status == linlab::BatchCommand::BadUsage ||
               status == linlab::BatchCommand::BadData) {
        if (!report.empty() || err.str().empty())
            __builtin_trap(); // a refusal says why, and prints no report
    } else {
        __builtin_trap(); // no other status can come from reading a file and reporting
    }
    return 0;
}
