"""The web chat's logic, apart from Gradio's layout: uploads, page views, exports.

qa.web.ui builds the Gradio page; everything else here is plain Python, tested alone.
"""
