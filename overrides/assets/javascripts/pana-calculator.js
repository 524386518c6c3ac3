// Pana's deadline calculator. The rules (which date each result counts from, by how much) and
// Kazakhstan's public holidays come from the page, made at build time by hooks/pana/plan.py;
// this file only does the date arithmetic of hooks/pana/dates.py, the reference it is tested against.
(function () {
  "use strict";
  var form = document.getElementById("pana-calculator");
  if (!form) return;
  var data = JSON.parse(document.getElementById("pana-calculator-data").textContent);
  var words = JSON.parse(document.getElementById("pana-calculator-words").textContent);
  var holidays = new Set(data.holidays);

  // Dates are plain calendar days, handled in UTC so no time zone can shift them.
  function parse(text) { var p = text.split("-"); return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2])); }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function shown(d) {  // dd.mm.yyyy, as the rest of the site writes dates
    var t = iso(d).split("-"); return t[2] + "." + t[1] + "." + t[0];
  }
  function plusDays(d, n) { return new Date(d.getTime() + n * 86400000); }
  function isWorkingDay(d) { var w = d.getUTCDay(); return w !== 0 && w !== 6 && !holidays.has(iso(d)); }
  function lastOpenDay(d) { while (!isWorkingDay(d)) d = plusDays(d, -1); return d; }
  function plusMonths(d, months) {
    var index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
    var year = Math.floor(index / 12), month = index % 12;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), last)));
  }
  function add(d, amount, unit, before) {
    var sign = before ? -1 : 1;
    if (unit === "calendar_days") return plusDays(d, sign * amount);
    if (unit === "hours") return plusDays(d, sign * Math.ceil(amount / 24));
    if (unit === "months") return plusMonths(d, sign * amount);
    if (unit === "years") return plusMonths(d, sign * 12 * amount);
    var counted = 0;
    while (counted < amount) { d = plusDays(d, sign); if (isWorkingDay(d)) counted += 1; }
    return d;
  }

  function show(input) {
    var value = form.elements[input].value;
    var list = form.querySelector('.pana-results[data-input="' + input + '"]');
    list.textContent = "";
    if (!value) return;
    var known = {}; known[input] = parse(value);
    var outside = false;
    data.rules.forEach(function (rule) {
      if (!(rule.start in known)) return;
      var day = add(known[rule.start], rule.amount, rule.unit, rule.before);
      known[rule.key] = day;
      var year = day.getUTCFullYear();
      if (year < data.years[0] || year > data.years[1]) outside = true;
      var item = document.createElement("li");
      item.id = "calc-result-" + rule.key;
      var date = document.createElement("strong");
      date.className = "pana-date";
      date.textContent = shown(day);
      item.append(rule.title + ": " + words.latest + " ", date);
      var open = lastOpenDay(day);
      if (rule.reader && iso(open) !== iso(day)) {
        var note = document.createElement("span");
        note.className = "pana-closed";
        note.dataset.openDay = shown(open);
        note.textContent = " " + words.closed.replace("{day}", shown(open));
        item.append(note);
      }
      list.append(item);
    });
    var years = document.getElementById("calc-years");
    years.hidden = !outside;
    years.textContent = words.outside.replace("{first}", data.years[0]).replace("{last}", data.years[1]);
  }

  ["arrival", "certificate", "status"].forEach(function (input) {
    form.elements[input].addEventListener("input", function () { show(input); });
    show(input);
  });
})();
