// libFuzzer target: the batch command line. The input is split into arguments at NUL bytes; the
// parser must accept or refuse with a UsageError, and a run on the lesson's data must end with
// a documented exit status. File arguments are dropped: the fuzzer must not touch the disk.

#include "app/batch/BatchCommand.h"
#include "app/batch/BatchOptions.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args{"--batch"};
    std::string current;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            args.push_back(current);
            current.clear();
        } else {
            current += static_cast<char>(data[i]);
        }
    }
    args.push_back(current);
    try {
        linlab::BatchOptions o = linlab::BatchOptions::parse(args);
        (void)o;
    } catch (const linlab::UsageError&) {
    }
    // Run only what cannot write files or read them, and keep runs short.
    std::vector<std::string> safe;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool takesPath = a == "--output" || a == "--export-numpy" || a == "--export-csv" ||
                               a == "--save-project" || a == "--export-plot";
        if (takesPath) {
            ++i;
            continue;
        }
        if (a.rfind("--output=", 0) == 0 || a.rfind("--export", 0) == 0 ||
            a.rfind("--save-project", 0) == 0)
            continue;
        if (a == "--epochs" && i + 1 < args.size()) {
            ++i; // bounded below
            continue;
        }
        if (!a.empty() && a[0] != '-' && a != "--batch" &&
            (i == 0 || args[i - 1].rfind("--", 0) != 0))
            continue; // a FILE
        safe.push_back(a);
    }
    safe.push_back("--epochs");
    safe.push_back("50");
    std::ostringstream out, err;
    const int status = linlab::BatchCommand::run(safe, out, err);
    if (status != 0 && status != 2 && status != 3 && status != 4)
        __builtin_trap();
    if (status != 0 && !out.str().empty())
        __builtin_trap(); // nothing on stdout unless done
    return 0;
}
