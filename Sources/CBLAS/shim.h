// OpenBLAS's CBLAS interface (Debian libopenblas-dev puts cblas.h in the multiarch include
// folder, which the compiler searches by default). The header also declares
// openblas_set_num_threads, which the trainer uses to pin the thread count.
#include <cblas.h>

// LAPACK's divide-and-conquer SVD, which OpenBLAS exports (Fortran calling convention: every
// argument by pointer, column-major storage). The tensor-train decomposition uses it.
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s, double *u,
             const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork, int *iwork, int *info);
