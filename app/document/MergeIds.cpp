#include "app/document/MergeIds.h"

int nextMergeId() {
    static int next = 0; // one counter for the process: the ids are unique because they share it
    return ++next;
}
