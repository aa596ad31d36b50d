"""The data files of jxlint's packages (grammar/*.lark, grammar/templates/*.yaml).

`importlib.resources` imports `tempfile`, `shutil` and the compression modules, a
noticeable part of a short run's start, to serve packages inside zip files. A package
installed as a folder (every wheel and editable install) is read as that folder; only
one that is not on the file system goes through `importlib.resources`.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path


def package_folder(package: str):
    """The folder of `package`: a `Path`, or a `Traversable` when it is not on the file
    system (both have `joinpath`, `iterdir`, `name`, `read_bytes` and `read_text`)."""
    module = import_module(package)
    location = getattr(module, "__file__", None)
    if location:
        folder = Path(location).parent
        if folder.is_dir():
            return folder
    from importlib import resources

    return resources.files(package)
