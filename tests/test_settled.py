"""The loaded index and model are kept out of the cyclic garbage collector's view.

They live as long as the process; a full collection that rescans their objects (32 ms on
the bulletin, once in about 400 answers) lands inside an unlucky answer. A reload (after an
upload) must still let the build it replaces go.
"""
import gc
import weakref

from qa.assistant import get_assistant, reload_assistant


def test_the_loaded_index_is_kept_out_of_the_collector(builtin_index):
    get_assistant(builtin_index)
    assert gc.get_freeze_count() > 10_000


def test_a_reloaded_index_lets_the_build_it_replaces_go(builtin_index):
    first = reload_assistant(builtin_index)
    gone = weakref.ref(first.index)
    del first
    reload_assistant(builtin_index)
    gc.collect()
    assert gone() is None
