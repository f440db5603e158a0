"""The Gradio page: 问答 (chat, sources, export), 会议一览 (meetings table, CSV), 资料 (upload,
section tables, documents). Layout and event wiring only; the logic is in qa.web.*.
"""
from __future__ import annotations

from pathlib import Path

import gradio as gr

from ..rendering import CSS, render_message, render_question, render_sources
from ..schema import Answer
from .served import STAGE_NAMES, ServedIndex
from .upload import MAX_FILE_BYTES, MAX_UPLOAD_BYTES, MB, UPLOAD_SUFFIXES
from .views import HEADING_JS, MEETINGS_JS, WEB_CSS, upload_html

EMPTY_QUESTION = "请输入问题。"
EXAMPLE_SLOTS = 4
STAGE_UNITS = {"read": "个文件", "embed": "段", "sentences": "句"}
# Eight workers so eight simultaneous users are answered side by side: an answer holds no
# lock (onnxruntime runs concurrent queries, each on one thread), so none waits on another.
CONCURRENCY = 8
PAGE_CSS = CSS + WEB_CSS
UPLOAD_HELP = (
    f"上传会议报道或简报（{'、'.join(UPLOAD_SUFFIXES)}，UTF-8 或 GBK 编码），加入当前索引后即可提问。"
    f"单个文件不超过 {MAX_FILE_BYTES // MB} MB，每次合计不超过 {MAX_UPLOAD_BYTES // MB} MB。"
    "加入后会列出每个文件读出的章节，请核对省份和标题是否正确。"
)


def build(served: ServedIndex) -> gr.Blocks:
    view = served.view()

    def page_updates():
        v = served.view()
        examples = [gr.update(value=q, visible=True) for q in v.examples[:EXAMPLE_SLOTS]]
        examples += [gr.update(visible=False)] * (EXAMPLE_SLOTS - len(examples))
        return [v.heading, gr.update(choices=v.provinces), *examples, v.meetings, str(v.meetings_csv), v.documents]

    def respond(question: str, provinces: list[str], chat: list, turns: list[Answer]):
        if not (question or "").strip():
            gr.Warning(EMPTY_QUESTION)
            return question, chat, gr.skip(), turns, gr.skip()
        result = served.ask(question, provinces, [t.question for t in turns])
        chat = chat + [
            {"role": "user", "content": render_question(question)},
            {"role": "assistant", "content": render_message(result)},
        ]
        turns = turns + [result]
        export = gr.update(value=str(served.export(turns)), interactive=True)
        return "", chat, render_sources(result, served.view().with_doc), turns, export

    def upload_from_page(files: list[str] | None, progress=gr.Progress()):
        def report(stage: str, done: int, total: int) -> None:
            progress((done, max(total, 1)), desc=STAGE_NAMES.get(stage, stage), unit=STAGE_UNITS.get(stage, "步"))

        results = served.upload([(Path(f), Path(f).name) for f in files or []], report)
        return [upload_html(results), None, *page_updates()]

    def upload_api(files: list[str] | None) -> list[dict]:
        return [r.to_dict() for r in served.upload([(Path(f), Path(f).name) for f in files or []])]

    def ask(question: str, provinces: list[str], history: list[str] | None = None) -> dict:
        """Answer a question about the meeting reports. provinces (may be empty) restricts the sources;
        history is the conversation's earlier questions, oldest first, for follow-ups."""
        if history is not None and not (isinstance(history, list) and all(isinstance(h, str) for h in history)):
            # a chat log's {"role": …} messages read as text would resolve into nonsense
            raise gr.Error("history 应是此前提问的列表（字符串，按时间先后），例如 [\"广东大会的主会场设在哪里？\"]。")
        return served.ask(question, provinces, history).to_dict()

    with gr.Blocks(title=view.title, analytics_enabled=False, delete_cache=(3600, 86400)) as demo:
        heading = gr.HTML(view.heading, js_on_load=HEADING_JS, elem_id="qa-heading")
        turns = gr.State([])
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        # render_markdown=False: messages are pre-escaped HTML (see qa.rendering)
                        chat = gr.Chatbot(
                            label="对话", height=520, render_markdown=False, sanitize_html=True,
                            latex_delimiters=[], allow_tags=False, elem_id="qa-chat", buttons=[],
                        )
                        with gr.Row():
                            box = gr.Textbox(placeholder="请输入问题；可以接着追问，例如：那江苏的呢？", show_label=False,
                                             scale=5, elem_id="qa-question", autofocus=True)
                            send = gr.Button("发送", variant="primary", scale=1, elem_id="qa-send")
                        chosen = gr.Dropdown(view.provinces, value=[], multiselect=True,
                                             label="只看这些省份（可多选，留空为全部）", elem_id="qa-provinces")
                        gr.Markdown("**示例问题**（点击即问）")
                        with gr.Row():
                            buttons = [gr.Button(q, size="sm", elem_classes="qa-example")
                                       for q in view.examples[:EXAMPLE_SLOTS]]
                            buttons += [gr.Button("", size="sm", visible=False, elem_classes="qa-example")
                                        for _ in range(EXAMPLE_SLOTS - len(buttons))]
                        with gr.Row():
                            clear = gr.Button("清空对话", elem_id="qa-clear")
                            export = gr.DownloadButton("导出对话（Markdown）", interactive=False, elem_id="qa-export")
                    with gr.Column(scale=2):
                        sources = gr.HTML(render_sources(None), elem_id="qa-sources")
            with gr.Tab("会议一览", id="meetings"):
                meetings = gr.HTML(view.meetings, js_on_load=MEETINGS_JS, elem_id="qa-meetings")
                meetings_csv = gr.DownloadButton("导出 CSV", value=str(view.meetings_csv), elem_id="qa-meetings-csv")
            with gr.Tab("资料", id="documents"):
                gr.Markdown(UPLOAD_HELP)
                files = gr.File(file_count="multiple", file_types=list(UPLOAD_SUFFIXES), label="添加资料（可多选）",
                                elem_id="qa-upload")
                upload_report = gr.HTML(upload_html([]), elem_id="qa-upload-report")
                documents = gr.HTML(view.documents, elem_id="qa-documents")
        # /upload for gradio_client: the same files in, the per-file table as JSON out
        api_files = gr.File(file_count="multiple", visible=False)
        api_result = gr.JSON(visible=False)
        api_trigger = gr.Button(visible=False)

        page = [heading, chosen, *buttons, meetings, meetings_csv, documents]
        io = dict(fn=respond, inputs=[box, chosen, chat, turns], outputs=[box, chat, sources, turns, export],
                  api_visibility="private")
        box.submit(**io)
        send.click(**io)
        for b in buttons:
            b.click(lambda q: q, b, box, api_visibility="private").then(**io)

        def reset():
            return "", [], render_sources(None), [], gr.update(value=None, interactive=False)

        clear.click(reset, None, [box, chat, sources, turns, export], api_visibility="private")
        chat.clear(reset, None, [box, chat, sources, turns, export], api_visibility="private")  # the chat's own bin icon
        # one upload at a time, from the page and the API alike
        files.upload(upload_from_page, files, [upload_report, files, *page], api_visibility="private",
                     concurrency_limit=1, concurrency_id="upload", show_progress_on=upload_report)
        api_trigger.click(upload_api, api_files, api_result, api_name="upload", concurrency_limit=1, concurrency_id="upload")
        demo.load(page_updates, None, page, api_visibility="private")  # another visitor may have uploaded
        gr.api(ask, api_name="ask")
    return demo.queue(default_concurrency_limit=CONCURRENCY)
