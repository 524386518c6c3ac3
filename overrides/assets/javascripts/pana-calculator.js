// Pana's deadline calculator. The rules (which date each result counts from, by how much), the
// counting choice and Kazakhstan's calendar (days off, weekend days made working days) come from
// the page, made at build time by hooks/pana/pages/plan.py from data/; this file only does the date
// arithmetic of hooks/pana/pages/dates.py, the reference it is tested against. It never moves a last
// day: when offices are closed on it, it says so and suggests a working day no earlier than the
// day the deadline runs from, as data/counting.yml's rule `day-off` advises.
(function () {
  "use strict";
  var form = document.getElementById("pana-calculator");
  if (!form) return;
  var data = JSON.parse(document.getElementById("pana-calculator-data").textContent);
  var words = data.words;
  var workingWeekend = new Set(data.workingWeekendDays);
  var DAY = 86400000;

  // Dates are plain calendar days, handled in UTC so no time zone can shift them.
  function parse(text) { var p = text.split("-"); return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2])); }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function shown(d) {  // dd.mm.yyyy, as the rest of the site writes dates
    var t = iso(d).split("-"); return t[2] + "." + t[1] + "." + t[0];
  }
  function plusDays(d, n) { return new Date(d.getTime() + n * DAY); }
  function isWorkingDay(d) {
    var key = iso(d), weekday = d.getUTCDay();
    if (workingWeekend.has(key)) return true;
    if (key in data.daysOff) return false;
    return weekday !== 0 && weekday !== 6;
  }
  function plusMonths(d, months) {
    var index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
    var year = Math.floor(index / 12), month = index - year * 12;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), last)));
  }
  function add(d, amount, unit, before) {
    var sign = before ? -1 : 1, eventDay = data.dayOne === "event-day" ? 1 : 0;
    if (unit === "calendar_days") return plusDays(d, sign * (amount - eventDay));
    if (unit === "hours") return plusDays(d, sign * Math.ceil(amount / 24));
    if (unit === "months") return plusMonths(d, sign * amount);
    if (unit === "years") return plusMonths(d, sign * 12 * amount);
    var counted = eventDay && isWorkingDay(d) ? 1 : 0;
    while (counted < amount) { d = plusDays(d, sign); if (isWorkingDay(d)) counted += 1; }
    return d;
  }
  // When offices are closed on the last day: the last working day from `floor` to it (or null),
  // and the first working day after it.
  function suggest(last, floor) {
    if (isWorkingDay(last)) return null;
    var day = last;
    while (day >= floor && !isWorkingDay(day)) day = plusDays(day, -1);
    var next = plusDays(last, 1);
    while (!isWorkingDay(next)) next = plusDays(next, 1);
    return { workingDay: day >= floor ? day : null, nextOpen: next };
  }
  function dayOffName(d) {
    var key = iso(d);
    return key in data.daysOff ? data.daysOff[key] : data.weekdays[(d.getUTCDay() + 6) % 7];
  }

  // Every result that can be computed from one date entered, as plan.evaluate computes it.
  function evaluate(input, entered) {
    var known = {}, origin = {}, results = [];
    known[input] = entered; origin[input] = entered;
    data.rules.forEach(function (rule) {
      if (!(rule.start in known)) return;
      var day = add(known[rule.start], rule.amount, rule.unit, rule.before);
      origin[rule.key] = origin[rule.start];
      var floor = rule.before ? origin[rule.key] : known[rule.start];
      known[rule.key] = day;
      results.push({ rule: rule, day: day, floor: floor, closed: suggest(day, floor) });
    });
    return results;
  }

  function sentence(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function item(result) {
    var rule = result.rule, li = document.createElement("li");
    li.id = "calc-result-" + rule.key;
    var date = document.createElement("strong");
    date.className = "pana-date";
    date.textContent = shown(result.day);
    li.append(rule.title + ": " + words.latest + " ", date);
    li.append(rule.unit === "hours" ? " (" + words.same_time + ")." : ".");
    if (result.closed) {  // one short line each: the day off, what is unknown, the advice, the next open day
      var note = document.createElement("span");
      note.className = "pana-closed";
      var line = function (text, tag) {
        var part = document.createElement(tag || "span");
        part.textContent = text;
        note.append(part);
      };
      line(sentence(words.day_off, { day: shown(result.day), name: dayOffName(result.day) }));
      if (rule.reader) {
        var working = result.closed.workingDay;
        note.dataset.workingDay = working ? shown(working) : "";
        note.dataset.nextOpen = shown(result.closed.nextOpen);
        line(words.unsettled);
        line(working ? sentence(words.advice, { day: shown(working) }) : words.no_working_day, "strong");
        line(sentence(words.next_open, { day: shown(result.closed.nextOpen) }));
      }
      li.append(note);
    }
    if (rule.caution) {
      var caution = document.createElement("em");
      caution.className = "pana-caution";
      caution.textContent = words.caution;
      li.append(caution);
    }
    if (data.knownUntil && iso(result.day) > data.knownUntil) {
      var unknown = document.createElement("span");
      unknown.className = "pana-unknown";
      unknown.textContent = " " + words.unknown;
      li.append(unknown);
    }
    return li;
  }

  function show(input) {
    var value = form.elements[input].value;
    var list = form.querySelector('.pana-results[data-input="' + input + '"]');
    list.textContent = "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    var outside = false;
    evaluate(input, parse(value)).forEach(function (result) {
      var year = result.day.getUTCFullYear();
      if (year < data.years[0] || year > data.years[1]) outside = true;
      list.append(item(result));
    });
    var years = document.getElementById("calc-years");
    years.hidden = !outside;
    years.textContent = sentence(words.outside, { first: data.years[0], last: data.years[1] });
  }

  // For the tests: the same results as plan.evaluate, as ISO dates.
  window.panaDeadlines = function (input, entered) {
    return evaluate(input, parse(entered)).map(function (r) {
      return {
        key: r.rule.key, day: iso(r.day), floor: iso(r.floor),
        workingDay: r.closed && r.closed.workingDay ? iso(r.closed.workingDay) : null,
        nextOpen: r.closed ? iso(r.closed.nextOpen) : null
      };
    });
  };

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  Array.prototype.forEach.call(form.querySelectorAll('input[type="date"]'), function (field) {
    field.addEventListener("input", function () { show(field.name); });
    show(field.name);
  });
})();
