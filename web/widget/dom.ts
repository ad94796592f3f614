// The widget's DOM helpers: the shared element builder and the shared Markdown renderer.
export { append, type Child, h } from '../shared/dom.ts';
export { renderBlocks } from '../shared/markdown-dom.ts';
