# La pantalla de resumen (español).

overview-title = Resumen
overview-period = Período
overview-period-today = Hoy
overview-period-last-7-days = Últimos 7 días
overview-period-last-30-days = Últimos 30 días
overview-period-this-month = Este mes
overview-period-custom = Fechas…
overview-from = Desde
overview-to = Hasta
overview-scope = Pagos solicitados del { $first } al { $last } ({ $zone }): { $count }.
overview-empty = No se solicitaron pagos en este período y ninguno está en curso ni en espera.
overview-unreadable = { $count ->
    [one] { $count } pago del diario no tiene monto o moneda legibles y no está en estas cifras.
   *[other] { $count } pagos del diario no tienen monto o moneda legibles y no están en estas cifras.
  }
overview-payouts = { $count ->
    [0] 0 pagos
    [one] { $shown } pago
   *[other] { $shown } pagos
  }
overview-sent = Enviado en el período
overview-in-flight = En curso ahora
overview-on-hold = En espera ahora
overview-oldest-hold = el más antiguo, en espera hace { $age }
overview-completed = Completado
overview-provisional = { $sum } provisorio: completado en los últimos { $days } días, el banco aún puede devolverlo
overview-rejected = Rechazado
overview-late = { $sum } rechazado después de completado ({ $count })
overview-daily-volume = Volumen diario enviado
overview-bar = { $day }: { $sum } en { $count ->
    [0] 0 pagos
    [one] { $count } pago
   *[other] { $count } pagos
  }
overview-daily-table = Los mismos días en una tabla
overview-by-status = Por estado actual, solicitados del { $first } al { $last }
overview-top-rejections = Códigos de rechazo más frecuentes
overview-col-status = Estado
overview-col-count = Pagos
overview-col-code = Código
overview-col-meaning = Qué significa
overview-col-field = Campo a corregir
overview-col-day = Día
overview-col-sent = Enviado
overview-amount-unknown = { $count ->
    [one] { $count } pago encontrado por una consulta no tiene un monto conocido y no está en estas cifras.
   *[other] { $count } pagos encontrados por una consulta no tienen un monto conocido y no están en estas cifras.
  }
