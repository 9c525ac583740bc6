// Globals of the browser page, for the functions run there by page.evaluate. The project
// does not load the DOM library, so server code cannot use browser globals by mistake.
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };
