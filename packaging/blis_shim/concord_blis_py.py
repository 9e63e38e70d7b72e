"""`blis.py` in the bundle: thinc's one call (gemm) made through blis.cy's own gemm (ctypes).

blis ships two extension modules, `blis.cy` and `blis.py`, and links the whole BLIS library
(18 MB) into each. `blis.py.gemm` is a thin wrapper that calls the gemm `blis.cy` exports (its
``__pyx_capi__``), so this module calls that same function with the same arguments: the results
are bit for bit those of the original (tests/test_packaging.py compares them), and the bundle
carries one copy of BLIS. thinc (NumpyOps.gemm) calls nothing else of `blis.py`.
The runtime hook `rthook.py` makes `import blis.py` load this module.
"""

from __future__ import annotations

import ctypes

import numpy
from blis import cy

_I64 = ctypes.c_int64
_GEMM = ctypes.CFUNCTYPE(  # blis.cy.gemm: (transa, transb, m, n, k, alpha, a, rsa, csa, b, ...)
    None, ctypes.c_int, ctypes.c_int, _I64, _I64, _I64, ctypes.c_double,
    ctypes.c_void_p, _I64, _I64, ctypes.c_void_p, _I64, _I64, ctypes.c_double,
    ctypes.c_void_p, _I64, _I64)


def _exported(name: str):  # type: ignore[no-untyped-def]
    """The C function ``name`` that blis.cy exports to other Cython modules."""
    capsule = cy.__pyx_capi__[name]
    api = ctypes.pythonapi
    api.PyCapsule_GetName.restype = ctypes.c_char_p
    api.PyCapsule_GetName.argtypes = [ctypes.py_object]
    api.PyCapsule_GetPointer.restype = ctypes.c_void_p
    api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    return _GEMM(api.PyCapsule_GetPointer(capsule, api.PyCapsule_GetName(capsule)))


_TRANS, _NO_TRANS = int(cy.trans_t.TRANSPOSE), int(cy.trans_t.NO_TRANSPOSE)
# The specialisations for float* and double* (blis.py's gemm calls these two).
_SGEMM = _exported("__pyx_fuse_0gemm")
_DGEMM = _exported("__pyx_fuse_1gemm")


def _matrix(x):  # type: ignore[no-untyped-def]
    """``x`` as blis.py's ``const float[:, ::1]`` / ``const double[:, ::1]`` would take it."""
    x = numpy.asarray(x)
    if x.ndim != 2:
        raise ValueError(f"Buffer has wrong number of dimensions (expected 2, got {x.ndim})")
    if x.dtype not in (numpy.float32, numpy.float64):
        raise TypeError("No matching signature found")
    if not x.flags.c_contiguous:
        raise ValueError("ndarray is not C-contiguous")
    return x


def _address(x) -> int:  # type: ignore[no-untyped-def]
    return x.__array_interface__["data"][0]


def gemm(A, B, out=None, trans1=False, trans2=False, alpha=1.0, beta=1.0):  # noqa: N803
    """``out = alpha * op(A) @ op(B) + beta * out``, as blis.py.gemm computes it."""
    A, B = _matrix(A), _matrix(B)  # noqa: N806
    if A.dtype != B.dtype:
        names = {numpy.float32: "float", numpy.float64: "double"}
        raise ValueError(f"Buffer dtype mismatch, expected 'const {names[A.dtype.type]}' but "
                         f"got '{names[B.dtype.type]}'")
    if out is not None and not isinstance(out, numpy.ndarray):
        raise TypeError("Argument 'out' has incorrect type")
    m = A.shape[1] if trans1 else A.shape[0]
    k = A.shape[0] if trans1 else A.shape[1]
    k_b = B.shape[1] if trans2 else B.shape[0]
    n = B.shape[0] if trans2 else B.shape[1]
    if k != k_b:
        raise ValueError(f"Shape mismatch for blis.gemm: ({m}, {k}), ({k_b}, {n})")
    ta = _TRANS if trans1 else _NO_TRANS
    tb = _TRANS if trans2 else _NO_TRANS
    if A.dtype == numpy.float32:
        if out is None:
            out = (numpy.empty if beta == 0.0 else numpy.zeros)((m, n), dtype="f")
        _SGEMM(ta, tb, m, n, k, alpha, _address(A), A.shape[1], 1, _address(B),
               B.shape[1], 1, beta, _address(out), out.shape[1], 1)
        return out
    if out is None:  # blis.py sizes (and calls) the double case without the transposes
        out = numpy.zeros((A.shape[0], B.shape[1]), dtype="d")
    _DGEMM(ta, tb, A.shape[0], B.shape[1], A.shape[1], alpha, _address(A), A.shape[1], 1,
           _address(B), B.shape[1], 1, beta, _address(out), out.shape[1], 1)
    return out


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    raise AttributeError(f"blis.py.{name} is not in Concord's bundle (only gemm, which thinc "
                         "calls): see packaging/blis_shim/concord_blis_py.py")
