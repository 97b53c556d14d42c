#include "model/support/BlasThreads.h"

#include <dlfcn.h>

namespace linlab {

bool useSingleThreadedBlas() {
    // Looked up at run time: the reference BLAS (or another) may be the one installed.
    using SetThreads = void (*)(int);
    const auto set =
        reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    if (!set)
        return false;
    set(1);
    return true;
}

} // namespace linlab
