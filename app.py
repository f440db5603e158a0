"""Web chat for the meeting-report assistant: `python app.py [--index DIR] [--host H] [--port P]`.

Serves on 127.0.0.1:7860 unless told otherwise (--host/--port or QA_HOST/QA_PORT);
QA_AUTH="user:password" turns on basic auth. --index serves any index folder; an empty
or missing one gets the built-in corpus. The page is built in qa.web.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# No usage data leaves the machine, whatever the environment says: Gradio reads this
# when it is imported (and gr.Blocks is made with analytics_enabled=False as well).
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from qa.index_store import IndexError_  # noqa: E402
from qa.indexing import BuildError  # noqa: E402
from qa.web.served import STAGE_NAMES, ServedIndex, ServeError, prepare_index  # noqa: E402
from qa.web.upload import MAX_UPLOAD_BYTES  # noqa: E402


def _show_progress(stage: str, done: int, total: int) -> None:
    # a first start may build the index: say so, with a count, on the console
    if done == 0:
        print(f"正在建立索引：{STAGE_NAMES.get(stage, stage)}…", file=sys.stderr, flush=True)
    elif done == total or done % max(1, total // 5) < 16:
        print(f"  {STAGE_NAMES.get(stage, stage)} {done}/{total}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="会议报告问答助手（网页版）")
    p.add_argument("--index", type=Path, default=None,
                   help="index folder to serve (default: index/ or QA_INDEX_DIR); an empty or missing folder gets the built-in corpus")
    p.add_argument("--host", default=os.environ.get("QA_HOST", "127.0.0.1"), help="listen address (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=int(os.environ.get("QA_PORT", "7860")))
    args = p.parse_args(argv)
    auth = os.environ.get("QA_AUTH")
    if auth and ":" not in auth:
        p.error('QA_AUTH must look like "user:password"')

    # Build and load before serving so the first visitor never waits on it.
    print("正在检查索引…", file=sys.stderr, flush=True)
    try:
        folder = prepare_index(args.index, progress=_show_progress)
    except (ServeError, IndexError_, BuildError) as exc:
        p.exit(2, f"{p.prog}: {exc}\n")
    print(f"正在加载模型和索引（{folder}）…", file=sys.stderr, flush=True)
    served = ServedIndex(folder)
    provinces = served.view().provinces
    print(f"就绪：{len(provinces)} 个省市。打开 http://{args.host}:{args.port}", file=sys.stderr, flush=True)

    from qa.web.ui import PAGE_CSS, build

    build(served).launch(
        server_name=args.host, server_port=args.port, share=False,
        auth=tuple(auth.split(":", 1)) if auth else None,
        css=PAGE_CSS, footer_links=["api"], max_file_size=MAX_UPLOAD_BYTES,
    )


if __name__ == "__main__":
    main()
