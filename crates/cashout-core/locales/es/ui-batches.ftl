# Lotes: la lista y la importación, un lote en envío y la revisión de un archivo antes de
# registrarlo (español latinoamericano neutro, de "usted"). Nombres de archivo, números de
# fila, ids, montos y códigos de moneda llegan como variables; las frases del núcleo (errores,
# problemas de celdas, explicaciones, la pregunta de producción) no están aquí.

## Cómo escribe los montos el archivo: etiqueta visible, la opción y su nombre accesible.
## Las muestras se escriben como en el archivo: no localizar "1,234.56" ni "1.234,56".
batch-decimal-label = Montos escritos como
batch-decimal-aria = Cómo escribe los montos el archivo
batch-decimal-point = 1,234.56 (punto antes de los centavos)
batch-decimal-comma = 1.234,56 (coma antes de los centavos)

## Ritmo de envío, mostrado como: [etiqueta] [número escrito] [unidad]
batch-rate-label = Ritmo de envío
batch-rate-unit = solicitudes por minuto
batch-rate-aria = Solicitudes por minuto
review-rate-aria = Solicitudes por minuto al enviar

## La pantalla de lotes: importación, plantillas y los lotes del entorno
batches-title = Lotes
batches-import-title = Importar un archivo
batches-drop-hint = Suelte aquí un archivo CSV o Excel (.xlsx), o elija uno.
batches-choose-file = Elegir un archivo…
batches-drop-note = Hasta 10 000 filas. No se registra ni se envía nada hasta que usted revise las filas y confirme los totales.
batches-reading = Leyendo { $file }…
batches-templates-title = Plantillas
batches-template-country = País de la plantilla
batches-template-method = Método de pago de la plantilla
batches-template-xlsx = Guardar plantilla Excel…
batches-template-csv = Guardar plantilla CSV…
batches-template-saved = Plantilla guardada en { $file }.
batches-list-title = Lotes de este entorno
batches-draft-pending = { $file } está en revisión ({ $rows ->
    [one] { $rows } fila
   *[other] { $rows } filas
  }); todavía no se registró nada de él.
batches-draft-open = Seguir revisando
batches-empty = Todavía no hay lotes en este entorno.
batches-col-written = Registrado
batches-col-file = Archivo
batches-col-rows = Filas
batches-col-state = Estado
batches-col-progress = Avance
batches-open-label = Abrir el lote { $file }

## En qué punto está un lote
batch-state-interrupted = interrumpido — reanude para continuar
batch-state-ready = registrado, aún no enviado
batch-state-sending = enviando
batch-state-paused = en pausa
batch-state-done = terminado
batch-state-cancelled = cancelado

## Los conteos de un lote, cada uno por separado, uno al lado del otro (se cuentan pagos)
batch-progress-created = { $count ->
    [one] { $count } creado
   *[other] { $count } creados
  }
batch-progress-declined = { $count ->
    [one] { $count } rechazado por el proveedor
   *[other] { $count } rechazados por el proveedor
  }
batch-progress-not-sent = { $count ->
    [one] { $count } no enviado
   *[other] { $count } no enviados
  }
batch-progress-in-flight = { $count } en verificación
batch-progress-waiting = { $count } por enviar
batch-progress-excluded = { $count ->
    [one] { $count } excluido
   *[other] { $count } excluidos
  }
batch-time-left-secs = quedan unos { $secs } s
batch-time-left-mins = quedan unos { $mins } min

## Un lote
batch-title = Lote
batch-head = { $rows ->
    [one] { $rows } fila
   *[other] { $rows } filas
  } · registrado el { $at } por { $operator }
batch-id-label = Lote
batch-id-what = id del lote
batch-head-totals = totales: { $totals }
batch-head-total = { $amount } en { $count ->
    [one] { $count } pago
   *[other] { $count } pagos
  }
batch-progress-aria = { $done } de { $total } { $total ->
    [one] fila enviada
   *[other] filas enviadas
  }
batch-send = Enviar lote
batch-resume = Reanudar
batch-pause = Pausar
batch-cancel-rest = Cancelar el resto
batch-cancel-confirm = ¿Cancelar el resto de este lote? { $waiting ->
    [0] Ninguna fila espera ser enviada
    [one] La fila aún no enviada se marca como nunca enviada
   *[other] Las { $waiting } filas aún no enviadas se marcan como nunca enviadas
  }; { $created ->
    [0] todavía no se creó ningún pago.
    [one] el pago ya creado queda como está.
   *[other] los { $created } pagos ya creados quedan como están.
  }
batch-save-xlsx = Guardar resultados (Excel)…
batch-save-csv = Guardar resultados (CSV)…
batch-saved = Archivo de resultados guardado en { $file } ({ $rows ->
    [one] { $rows } fila
   *[other] { $rows } filas
  }).
batch-rows-title = Filas
batch-rows-label = Las filas del lote y el resultado de cada una
batch-col-row = Fila
batch-col-outcome = Resultado
batch-col-status = Estado
batch-col-explanation = Código y explicación
batch-open-row-label = Abrir el pago de la fila { $row }
batch-back = Todos los lotes

## En qué quedó una fila de un lote (celda de la grilla, en minúscula)
batch-outcome-excluded = excluido
batch-outcome-waiting = por enviar
batch-outcome-sending = enviando
batch-outcome-created = creado
batch-outcome-declined = rechazado por el proveedor
batch-outcome-not-sent = no enviado
batch-outcome-cancelled = cancelado
batch-outcome-check = verificar
batch-outcome-unknown = desconocido

## Revisión de un archivo antes de registrarlo
review-title = Revisar lote
review-none = No hay ningún archivo en revisión. Abra uno en Lotes.
review-file-xlsx = Libro de Excel, hoja “{ $sheet }”
review-file-xlsx-others = Libro de Excel, hoja “{ $sheet }” (no leídas: { $others })
review-file-csv = CSV, { $encoding }, separado por “{ $separator }”
review-file-csv-tabs = CSV, { $encoding }, separado por tabulaciones
review-file-rows = { $rows ->
    [one] { $rows } fila
   *[other] { $rows } filas
  }
review-file-rows-skipped = { $rows ->
    [one] { $rows } fila
   *[other] { $rows } filas
  }, { $empty ->
    [one] { $empty } fila vacía omitida
   *[other] { $empty } filas vacías omitidas
  }
review-counts = { $ready ->
    [one] { $ready } lista
   *[other] { $ready } listas
  } · { $blocked } con errores · { $warned } con advertencias · { $excluded ->
    [one] { $excluded } excluida
   *[other] { $excluded } excluidas
  }
review-filter-all = Todas las filas
review-filter-errors = Con errores
review-filter-warnings = Con advertencias
review-filter-excluded = Excluidas
review-mark-ready = lista
review-mark-warning = advertencia
review-mark-excluded = excluida
review-mark-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errores
  }
review-open-ready = Fila { $row }: lista; abrir para corregir
review-open-warning = Fila { $row }: advertencia; abrir para corregir
review-open-excluded = Fila { $row }: excluida; abrir para corregir
review-open-errors = Fila { $row }: { $count ->
    [one] { $count } error
   *[other] { $count } errores
  }; abrir para corregir
review-col-check = Revisión
review-col-other = Otros
review-grid-label = Las filas del archivo, revisadas
review-map-summary = Columnas: { $used } de { $total } en uso — revise qué campo llena cada una
review-map-field-label = Campo de la columna { $header }
review-map-unused = — sin usar —
review-map-column = (columna { $column })
review-map-synonym = reconocida por el nombre
review-map-chosen = elegida
review-missing-columns = { $count ->
    [one] Falta una columna para { $fields }: elija una abajo o agréguela al archivo.
   *[other] Faltan columnas para { $fields }: elíjalas abajo o agréguelas al archivo.
  }
review-nothing = Todavía no hay ninguna fila lista para enviar.
review-totals-caption = Filas por enviar, por moneda — escriba la cantidad y el total que esperan sus propios registros (el total de control)
review-col-currency = Moneda
review-col-payouts = Pagos
review-col-total = Total
review-col-expected-payouts = Pagos esperados
review-col-expected-total = Total esperado
review-expected-count-label = Cantidad esperada de pagos en { $currency }
review-expected-total-label = Total esperado en { $currency }
review-row-title = Fila { $row }
review-row-external-id = id externo { $id }
review-check-again = Revisar de nuevo
review-include = Volver a incluir la fila
review-exclude = Excluir esta fila
review-close = Cerrar
review-row-ready = La fila { $row } está lista.
review-row-still-errors = La fila { $row } todavía tiene { $count ->
    [one] { $count } error
   *[other] { $count } errores
  }.
review-row-included = La fila { $row } se volvió a incluir.
review-row-excluded = La fila { $row } está excluida: no se envía.
review-write = Registrar lote
review-discard = Descartar
review-control-missing = Escriba la cantidad esperada de pagos en { $currency } y su total (el total de control) antes de registrar el lote.
review-write-and-send = Registrar y enviar
review-same-file = Importar de todos modos
review-same-file-question = ¿Registrarlo de todos modos como un lote nuevo? Todas las filas se pagarían otra vez.
review-pay-again = Pagarlas otra vez
review-pay-again-question = ¿Enviar estas filas como segundos pagos, independientes, del mismo dinero a las mismas cuentas?
review-show-duplicates = Mostrarlas
review-discard-confirm = ¿Descartar la revisión de este archivo? No se registró nada; las correcciones hechas aquí se pierden.
review-show-rows-label = Mostrar filas
