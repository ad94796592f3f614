// The parser moved to web/shared/ (the inbox and the server's mail renderer use it too); this
// keeps the widget's and the editor's imports working.
export * from '../shared/markdown.ts';
