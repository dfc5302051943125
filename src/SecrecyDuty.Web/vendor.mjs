// Copies the distributable files of the npm packages into wwwroot/lib, which the app serves itself.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

const files = {
  "bootstrap/dist/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
  "bootstrap/dist/css/bootstrap.min.css.map": "bootstrap/bootstrap.min.css.map",
  "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap/bootstrap.bundle.min.js",
  "bootstrap/dist/js/bootstrap.bundle.min.js.map": "bootstrap/bootstrap.bundle.min.js.map",
  "bootstrap/LICENSE": "bootstrap/LICENSE",
  "jquery/dist/jquery.min.js": "jquery/jquery.min.js",
  "jquery/LICENSE.txt": "jquery/LICENSE.txt",
  "jquery-validation/dist/jquery.validate.min.js": "jquery-validation/jquery.validate.min.js",
  "jquery-validation/LICENSE.md": "jquery-validation/LICENSE.md",
  "jquery-validation-unobtrusive/dist/jquery.validate.unobtrusive.min.js": "jquery-validation-unobtrusive/jquery.validate.unobtrusive.min.js",
  "jquery-validation-unobtrusive/LICENSE.txt": "jquery-validation-unobtrusive/LICENSE.txt",
  "chart.js/dist/chart.umd.min.js": "chartjs/chart.umd.min.js",
  "chart.js/LICENSE.md": "chartjs/LICENSE.md",
};

const target = join("wwwroot", "lib");
rmSync(target, { recursive: true, force: true });
for (const [from, to] of Object.entries(files)) {
  const dest = join(target, to);
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(join("node_modules", from), dest);
}
console.log(`copied ${Object.keys(files).length} files into ${target}`);
