// OpenBLAS's CBLAS interface (Debian libopenblas-dev puts cblas.h in the multiarch include
// folder, which the compiler searches by default). The header also declares
// openblas_set_num_threads, which the trainer uses to pin the thread count.
#include <cblas.h>
