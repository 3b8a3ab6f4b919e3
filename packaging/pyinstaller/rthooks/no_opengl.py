"""PyInstaller runtime hook: stand-ins for PySide6's OpenGL modules, which the folder leaves out.

pyqtgraph imports ``PySide6.QtOpenGL`` and ``PySide6.QtOpenGLWidgets`` when it is
imported, but uses them only when OpenGL drawing is switched on
(``useOpenGL``, ``enableExperimental``) or for its 3D and GL image widgets, none
of which the viewer uses: it paints with QPainter. The real modules weigh about
10 MB (``QtOpenGL.abi3.so`` and the Qt libraries behind them). This hook, run
before the program, answers those two imports with small modules: defining a
class on ``QOpenGLWidget`` works, creating one raises, and any other name raises
``AttributeError`` naming the missing module.
"""

import importlib.abc
import importlib.machinery
import sys

_STAND_INS = ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets")
_MESSAGE = "OpenGL is not part of this build of fulian-viewer (see docs/packaging.md)"


class _NoOpenGL(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds and makes the stand-in modules."""

    def find_spec(self, name, path=None, target=None):
        if name in _STAND_INS:
            return importlib.machinery.ModuleSpec(name, self, origin="fulian-viewer stand-in")
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        name = module.__name__
        if name.endswith("QtOpenGLWidgets"):
            from PySide6.QtWidgets import QWidget

            class QOpenGLWidget(QWidget):
                """A placeholder pyqtgraph can subclass; never created by the viewer."""

                def __init__(self, *args, **kwargs):
                    raise RuntimeError(_MESSAGE)

            module.QOpenGLWidget = QOpenGLWidget

        def missing(attribute):
            raise AttributeError(f"{name}.{attribute}: {_MESSAGE}")

        module.__getattr__ = missing


sys.meta_path.insert(0, _NoOpenGL())
