// Title suggestions for the search box (progressive enhancement: the form works without it).
// Fills the input's <datalist> from /api/v1/search/suggest as the citizen types.
(() => {
  var input = document.querySelector('input[data-suggest]');
  if (!input?.list || !window.fetch) return;
  var list = input.list;
  var api = input.getAttribute('data-suggest');
  var timer = 0;
  var last = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      var q = input.value.trim();
      if (q.length < 2 || q === last) return;
      last = q;
      fetch(api + encodeURIComponent(q), { headers: { accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : { items: [] }))
        .then((data) => {
          if (input.value.trim() !== q) return;
          list.textContent = '';
          (data.items || []).forEach((item) => {
            var option = document.createElement('option');
            option.value = item.title;
            list.appendChild(option);
          });
        })
        .catch(() => {});
    }, 200);
  });
})();
