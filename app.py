"""Web chat for the meeting-report assistant: `python app.py [--host H] [--port P]`.

Serves on 127.0.0.1:7860 unless told otherwise (--host/--port or QA_HOST/QA_PORT);
QA_AUTH="user:password" turns on basic auth. All answering lives in the qa package.
"""
from __future__ import annotations

import argparse
import os
import sys

import gradio as gr

from qa.assistant import ensure_index, get_assistant
from qa.config import Settings
from qa.rendering import CSS, render_message, render_question, render_sources
from qa.schema import Answer

EXAMPLES = [
    "广东高质量发展大会的主会场设在哪里？",
    "广东今年安排省重点建设项目多少个？",
    "哪些省份提到了优化营商环境？",
    "广东和江苏在产业科技创新方面有何不同？",
]
EMPTY_QUESTION = "请输入问题。"
# Eight workers so eight simultaneous users are answered side by side; the library
# serialises only the short query encoding, so they do not queue behind one another.
CONCURRENCY = 8


def answer(question: str, provinces: list[str] | None) -> Answer:
    return get_assistant().answer(question or "", provinces=provinces or None)


def ask(question: str, provinces: list[str]) -> dict:
    """Answer a question about the meeting reports; provinces (may be empty) restricts the sources."""
    return answer(question, provinces).to_dict()


def respond(question: str, provinces: list[str], history: list):
    if not (question or "").strip():
        gr.Warning(EMPTY_QUESTION)
        return question, history, gr.skip()
    result = answer(question, provinces)
    history = history + [
        {"role": "user", "content": render_question(question)},
        {"role": "assistant", "content": render_message(result)},
    ]
    return "", history, render_sources(result)


def build(provinces: list[str]) -> gr.Blocks:
    with gr.Blocks(title="新春第一会 · 问答助手") as demo:
        gr.Markdown("# 新春第一会 · 会议报告问答助手\n根据《今日科技快讯》中各省市“新春第一会”的报道作答，每个回答都引用原文，并注明省份、章节和页码。")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                # render_markdown=False: messages are pre-escaped HTML (see qa.rendering)
                chat = gr.Chatbot(
                    label="对话", height=520, render_markdown=False, sanitize_html=True,
                    latex_delimiters=[], allow_tags=False, elem_id="qa-chat", buttons=[],
                )
                with gr.Row():
                    box = gr.Textbox(placeholder="请输入问题，例如：广东高质量发展大会的主会场设在哪里？", show_label=False,
                                     scale=5, elem_id="qa-question", autofocus=True)
                    send = gr.Button("发送", variant="primary", scale=1, elem_id="qa-send")
                chosen = gr.Dropdown(provinces, value=[], multiselect=True, label="只看这些省份（可多选，留空为全部）",
                                     elem_id="qa-provinces")
                gr.Markdown("**示例问题**（点击即问）")
                with gr.Row():
                    buttons = [gr.Button(q, size="sm", elem_classes="qa-example") for q in EXAMPLES]
                clear = gr.Button("清空对话", elem_id="qa-clear")
            with gr.Column(scale=2):
                sources = gr.HTML(render_sources(None), elem_id="qa-sources")

        io = dict(fn=respond, inputs=[box, chosen, chat], outputs=[box, chat, sources], api_visibility="private")
        box.submit(**io)
        send.click(**io)
        for b, q in zip(buttons, EXAMPLES):
            b.click(lambda q=q: q, None, box, api_visibility="private").then(**io)
        clear.click(lambda: ("", [], render_sources(None)), None, [box, chat, sources], api_visibility="private")
        chat.clear(lambda: render_sources(None), None, sources, api_visibility="private")  # the chat's own bin icon
        gr.api(ask, api_name="ask")
    return demo.queue(default_concurrency_limit=CONCURRENCY)


_STAGES = {"read": "读取文档", "embed": "计算段落向量", "sentences": "计算句子向量", "write": "写入索引"}


def _show_progress(stage: str, done: int, total: int) -> None:
    # a first start builds the index for minutes: say so, with a count, on the console
    if done == 0:
        print(f"正在建立索引（仅首次启动，需要几分钟）：{_STAGES.get(stage, stage)}…", file=sys.stderr, flush=True)
    elif done == total or done % max(1, total // 5) < 16:
        print(f"  {_STAGES.get(stage, stage)} {done}/{total}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="会议报告问答助手（网页版）")
    p.add_argument("--host", default=os.environ.get("QA_HOST", "127.0.0.1"), help="listen address (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=int(os.environ.get("QA_PORT", "7860")))
    args = p.parse_args(argv)
    auth = os.environ.get("QA_AUTH")
    if auth and ":" not in auth:
        p.error('QA_AUTH must look like "user:password"')

    # Build and load before serving so the first visitor never waits on it.
    print("正在检查索引…", file=sys.stderr, flush=True)
    if ensure_index(Settings(), progress=_show_progress):
        print("索引已建立。", file=sys.stderr, flush=True)
    print("正在加载模型和索引…", file=sys.stderr, flush=True)
    provinces = get_assistant().provinces
    print(f"就绪：{len(provinces)} 个省市。打开 http://{args.host}:{args.port}", file=sys.stderr, flush=True)

    build(provinces).launch(
        server_name=args.host, server_port=args.port, share=False,
        auth=tuple(auth.split(":", 1)) if auth else None,
        css=CSS, footer_links=["api"],
    )


if __name__ == "__main__":
    main()
