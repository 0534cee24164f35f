/* Renders every DeployOften trend chart on the page from the ECharts option in its data attribute. */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".deployoften-trend").forEach(function (element) {
    var option = JSON.parse(element.getAttribute("data-chart-model"));
    echarts.init(element).setOption(option);
  });
});
