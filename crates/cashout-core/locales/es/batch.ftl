## Batch imports: issues found in a file, the result file's columns, the export's headers.
## Ids start with `batch-` or `export-`; English is the wording the tests compare.
# Frases del núcleo, casi todas mostradas en una celda o como rechazo; empiezan en minúscula
# porque a menudo se muestran después de una etiqueta. Montos, signos ('.' ','), números de
# fila, letras de columna, encabezados, ids, códigos y errores de otros programas llegan como
# variables, tal como están escritos (español latinoamericano neutro, de "usted").

## Lectura del archivo (CSV o Excel)
# $size, $max: megabytes; $rows: la cantidad máxima de filas de pagos de un lote.
batch-file-too-large = el archivo pesa { $size } MB; un archivo de lote tiene como máximo { $max } MB ({ $rows } filas)
batch-file-xls = este es un libro de Excel antiguo (.xls); guárdelo como Libro de Excel (.xlsx) o como CSV e importe ese archivo
# $rows: filas de pagos del archivo; $max: el máximo de un lote.
batch-file-too-many-rows = el archivo tiene { $rows } filas de pagos; un lote admite como máximo { $max }: divídalo en varios archivos
batch-file-over-max-rows = el archivo tiene más de { $max } filas de pagos; un lote admite como máximo { $max }: divídalo en varios archivos
batch-file-no-rows = el archivo tiene un encabezado, pero ninguna fila de pagos debajo
batch-file-empty = el archivo está vacío
# Un CSV leído por su marca de orden de bytes UTF-8, como lo nombra la línea del archivo en la revisión.
batch-encoding-utf8-bom = UTF-8 con BOM
# $encoding: el nombre de la codificación (UTF-8, UTF-16LE, o batch-encoding-utf8-bom).
batch-file-bad-encoding = la línea { $line } del archivo no es { $encoding } válido; guarde el archivo de nuevo como CSV UTF-8 e importe ese archivo
# country, currency y amount son los nombres de columna de la plantilla: no traducirlos.
batch-file-one-column = la línea de encabezado tiene una sola columna: separe las columnas con comas, puntos y comas o tabulaciones (un lote necesita al menos country, currency y amount)
# $first, $second: dos de batch-separator-commas, -semicolons, -tabs.
batch-file-separator-tie = la línea de encabezado usa { $first } y { $second } la misma cantidad de veces, así que no se puede saber cuál es el separador; guarde el archivo con un solo separador
batch-separator-commas = comas
batch-separator-semicolons = puntos y comas
batch-separator-tabs = tabulaciones
batch-file-open-quote = una celda entre comillas no está cerrada (la última comilla está en la línea { $line }): las filas siguientes se leerían como parte de una sola celda; corrija las comillas e impórtelo de nuevo
# $error: el texto del lector de CSV (en inglés).
batch-file-bad-csv = la línea { $line } del archivo no se puede leer como CSV ({ $error })
batch-file-line-break = la línea { $line } no se puede distinguir de la fila anterior (¿un salto de línea dentro de una celda sin comillas?); guarde el archivo de nuevo desde la hoja de cálculo e importe ese archivo
# $error: el texto del lector de libros (en inglés).
batch-file-not-workbook = el archivo es un archivo ZIP, pero no un libro de Excel que se pueda leer ({ $error }); guárdelo como .xlsx o como CSV
# $sheet: el nombre de la hoja; $error: el texto del lector (en inglés).
batch-sheet-unreadable = no se puede leer la hoja { $sheet } ({ $error })
# $column: una letra de columna (XFD); $max: la cantidad máxima de columnas de un lote.
batch-sheet-too-wide = la hoja { $sheet } tiene un valor en la columna { $column } (fila { $row }); un lote usa como máximo { $max } columnas
batch-sheet-too-long = la hoja { $sheet } tiene un valor en la fila { $row }; un lote admite como máximo { $max } filas: divídala o borre lo que hay debajo de los pagos
batch-workbook-unreadable = no se puede leer el libro ({ $error })
# $what: batch-workbook-hidden-row o batch-workbook-hidden-column ("fila 3"; ambas femeninas).
batch-workbook-hidden = el libro oculta filas o columnas (la { $what } está oculta, a mano o con un filtro): lo que está oculto también se pagaría. Muestre todas las filas y columnas (quite los filtros), o copie en un libro nuevo solo los pagos que quiere hacer, e importe ese libro
batch-workbook-hidden-row = fila { $number }
batch-workbook-hidden-column = columna { $number }
batch-workbook-visible-empty = las hojas visibles del libro están vacías
batch-workbook-empty = las hojas del libro están vacías

## Montos, leídos con el estilo decimal declarado para el archivo. $amount es la celda tal como
## está escrita; $decimal y $group son los signos ('.' o ','); $example, $declared y $other son
## las muestras de los estilos ("1,234.56", "1.234,56"): no localizarlas.
batch-amount-empty = el monto está vacío
# Cierra varios mensajes de abajo ($hint).
batch-amount-style-hint = los montos de este archivo se declararon como { $declared }; si están escritos como { $other }, elija esa opción
batch-amount-bad-chars = { $amount } no es un monto: use solo dígitos, '{ $group }' entre los miles y '{ $decimal }' antes de los centavos (p. ej., { $example })
batch-amount-two-decimal-marks = { $amount } tiene '{ $decimal }' más de una vez; en { $example } marca los centavos una sola vez — { $hint }
batch-amount-unreadable = no se puede leer { $amount }: { $hint }
batch-amount-ambiguous = { $amount } es ambiguo: '{ $decimal }' va seguido de tres dígitos, así que probablemente agrupa miles — un monto tiene como máximo dos decimales; { $hint }
batch-amount-trailing-mark = { $amount } termina en '{ $decimal }': agregue los centavos o quite el signo
batch-amount-too-many-decimals = { $amount } tiene más de dos decimales
batch-amount-bad-grouping = { $amount } tiene '{ $group }' donde no agrupa miles (grupos de tres dígitos); { $hint }
# Una celda numérica de Excel cuyo número guardado no se puede leer como monto.
batch-amount-not-number = { $amount } no es un monto
batch-amount-float-residue = la hoja de cálculo guardó { $amount }, que tiene más de dos decimales (un residuo de redondeo de una fórmula o un error de tipeo); escriba de nuevo el monto correcto

## Qué campo llena cada columna. $field es el nombre de un campo tal como lo nombra el formato
## del archivo (amount, document_id): no traducirlo. $column es una letra de columna; $header,
## el encabezado del archivo.
# Por qué no se usa la columna external_id del archivo (se muestra junto a la columna).
batch-map-external-id-unused = no se usa: cada fila recibe su propio id externo (el id del lote y el número de fila), así que un archivo importado dos veces nunca puede pagar dos veces
batch-map-already-filled = no se usa: la columna { $column } ({ $header }) ya llena { $field }
# $columns: las columnas del archivo; $choices: para cuántas eligió el operador.
batch-map-wrong-count = el archivo tiene { $columns ->
    [one] { $columns } columna
   *[other] { $columns } columnas
  }; elija un campo (o ninguno) para cada una, no { $choices }
batch-map-unknown-field = { $field } no es un campo que una columna del lote pueda llenar
batch-map-field-twice = { $field } está elegido para dos columnas; elíjalo para una sola

## Problemas de una celda. $where es batch-cell-where ("columna B (Monto)"); $value, el texto de la celda.
batch-cell-where = columna { $column } ({ $header })
batch-cell-not-text = la { $where } contiene una celda de fecha, de verdadero/falso o de error ({ $value }); escriba el valor como texto
batch-cell-number = la hoja de cálculo guardó { $value } en la { $where } como número, así que es posible que ya se hayan perdido los ceros a la izquierda y todo dígito después del 15.º; escríbalo aquí exactamente como figura en el registro del beneficiario, o dé formato de Texto a la columna en la hoja de cálculo, escriba los valores de nuevo e importe el archivo otra vez
batch-cell-scientific = { $value } en la { $where } es un número en notación científica: la hoja de cálculo ya reemplazó sus últimos dígitos por ceros; escriba el valor completo
# La columna de retención: el archivo puede decir sí/no en inglés, español o portugués.
batch-cell-yes-no = { $where }: escriba sí o no ({ $value } no es ninguno de los dos)

## Problemas de una fila
# $values: los valores de la fila; $columns: los del encabezado; $extra: batch-extra-cell-empty
# o batch-extra-cell-value, el primer valor después de la última columna.
batch-row-extra-cells = esta fila tiene { $values } valores, pero el encabezado tiene { $columns ->
    [one] { $columns } columna
   *[other] { $columns } columnas
  } ({ $extra }); un separador dentro de un valor (¿un monto escrito 1,234.56 en un archivo separado por comas?) desplaza las celdas: ponga el valor entre comillas o corrija el archivo
batch-extra-cell-empty = uno vacío
batch-extra-cell-value = columna { $column }: { $value }
# Una fila que paga a uno de los beneficiarios inventados de las plantillas.
batch-row-template-example = esta es la fila de ejemplo de la plantilla ({ $currency } { $amount } a { $beneficiary }): elimínela o exclúyala
# $payout: un external id; $what: la descripción de ese pago en el diario.
batch-row-already-in-journal = esta fila indica el pago { $payout }, que ya está en el diario ({ $what }): un archivo de resultados o un lote anterior importado de nuevo; no se paga otra vez — excluya la fila

## Advertencias que comparan filas
# $rows: los números de las otras filas ("4, 9").
batch-dup-in-file = el mismo monto a la misma cuenta que la fila { $rows } de este archivo; excluya una, a menos que ambas sean intencionales
# $payout: un external id; $at: cuándo se solicitó (hora de este equipo, al modo del idioma).
batch-dup-in-journal = el mismo monto a la misma cuenta que el pago { $payout }, solicitado el { $at } (dentro de las últimas 24 horas); excluya esta fila, a menos que deba pagarse otra vez
# $factor: cuántas veces mayor; $count: pagos anteriores al beneficiario; $largest: el mayor de ellos.
batch-unusual-amount = { $currency } { $amount } es más de { $factor } veces el mayor de los { $count } pagos anteriores a este beneficiario en los últimos 90 días ({ $currency } { $largest }); verifíquelo

## Los totales de control que escribe el operador, por moneda. $expected es lo que tiene el lote.
batch-control-type-once = escriba una sola vez la cantidad y el total de { $currency } (el lote envía { $count ->
    [one] { $count } pago
   *[other] { $count } pagos
  } en esa moneda)
batch-control-count = { $currency }: usted escribió { $typed ->
    [one] { $typed } pago
   *[other] { $typed } pagos
  }; el lote envía { $expected }
batch-control-total = { $currency }: usted escribió un total de { $typed }; el lote envía { $expected }
# $error: uno de los mensajes de montos de arriba.
batch-control-unreadable = { $currency }: no se puede leer el total escrito: { $error }
batch-control-extra-currency = el lote no envía nada en { $currency }; quite ese total de control
# $problems: los mensajes de arriba, separados por punto y coma.
batch-control-mismatch = los totales de control no coinciden, así que no se envía nada: { $problems }

## Revisar y registrar un lote
batch-no-row = el lote no tiene la fila { $row }
# $column: el número de una columna, desde 1.
batch-no-column = el archivo no tiene la columna { $column }
batch-column-external-id-fixed = la columna { $column } ({ $header }) identifica pagos por su id externo y no se modifica aquí; en su lugar, excluya la fila
batch-rows-blocked = { $count ->
    [one] { $count } fila tiene errores: corríjala o exclúyala antes de enviar
   *[other] { $count } filas tienen errores: corríjalas o exclúyalas antes de enviar
  }
# Como batch-rows-blocked, con el primer error de la primera de esas filas.
batch-rows-blocked-first = { $count ->
    [one] { $count } fila tiene errores: corríjala o exclúyala antes de enviar
   *[other] { $count } filas tienen errores: corríjalas o exclúyalas antes de enviar
  } (fila { $row }: { $message })
batch-nothing-to-send = no queda ninguna fila por enviar
# $rows: números de fila, diez como máximo, y luego "…". El botón citado es review-pay-again.
batch-rows-repeat = { $count ->
    [one] { $count } fila paga el mismo monto a la misma cuenta que otra fila del archivo o que un pago de las últimas 24 horas (fila { $rows }): exclúyala o indique que debe pagarse otra vez
   *[other] { $count } filas pagan el mismo monto a la misma cuenta que otra fila del archivo o que un pago de las últimas 24 horas (filas { $rows }): exclúyalas o indique que deben pagarse otra vez
  } (aplicación de escritorio: “Pagarlas otra vez”; CLI: --pay-duplicates-again)
# El total de una moneda en batch-confirm-question ($totals los une con punto y coma: la coma puede ser el separador decimal).
batch-confirm-total = { $total } en { $count ->
    [one] { $count } pago
   *[other] { $count } pagos
  }
# Se pregunta en producción antes de registrar el lote; $environment es su código (PRODUCTION).
batch-confirm-question = ¿Registrar este lote de { $ready ->
    [one] { $ready } pago
   *[other] { $ready } pagos
  } ({ $totals }) en { $environment } y enviarlo? Esto mueve dinero real: cada fila se envía al ritmo elegido hasta que el lote termine, se pause o se cancele.
# $sha256: el hash del archivo; $at: cuándo se registró el lote anterior; $state: batch-record-state.
# El botón citado es review-same-file.
batch-same-file = este archivo (SHA-256 { $sha256 }) ya se importó como el lote { $batch } el { $at } ({ $state }; { $created } de { $payouts ->
    [one] { $payouts } pago creado
   *[other] { $payouts } pagos creados
  }); importarlo de nuevo podría pagar cada fila dos veces — hágalo solo a propósito (aplicación de escritorio: “Importar de todos modos”; CLI: --same-file-again)
# $max: el ritmo más rápido aceptado; $rate: el pedido.
batch-rate-out-of-range = el ritmo va de 1 a { $max } solicitudes por minuto; { $rate } no es válido
batch-not-found = este entorno no tiene el lote { $batch }
batch-no-such-batch = el lote { $batch } no existe

## En qué punto está un lote y por qué no puede cambiar ahora. $sender: el escritorio que lo envía.
# El estado de un lote como lo dice una frase ("el lote … está en pausa"): $state es ready,
# sending, paused, done o cancelled.
batch-record-state = { $state ->
    [ready] listo
    [sending] en envío
    [paused] en pausa
    [done] terminado
    [cancelled] cancelado
   *[other] { $state }
  }
batch-change-not-sender = el lote { $batch } está { $state } y este escritorio ya no lo envía
# $until: cuándo vence la concesión del escritorio que lo envía (hora de este equipo).
batch-change-busy = el lote { $batch } lo está enviando { $sender } (hasta { $until }); un lote lo envía un solo escritorio a la vez
batch-change-nothing-to-send = el lote { $batch } está { $state }: no queda nada por enviar
batch-change-nothing-to-pause = el lote { $batch } está { $state }: no hay nada que pausar
batch-change-already = el lote { $batch } ya está { $state }
batch-change-rows-left = al lote { $batch } todavía le { $rows ->
    [one] queda { $rows } fila
   *[other] quedan { $rows } filas
  } por enviar
# Por qué una fila de un lote no se envía ahora.
batch-row-never-sent = este pago es una fila del lote { $batch }, cuyo resto se canceló antes de que se enviara: nunca se envía
batch-row-waits-for-batch = este pago es una fila del lote { $batch }, que está { $state }: se envía cuando el lote se envía o se reanuda
batch-row-no-request = el diario no tiene ninguna solicitud para esta fila

## Plantillas y archivo de resultados. Los encabezados de columna siguen siendo los nombres de
## campo de la solicitud en todos los idiomas (el importador los vuelve a leer): no están aquí.
# La explicación, en el archivo de resultados, de una fila excluida en la revisión.
batch-result-excluded = excluida en la revisión: no se envió
# Nombres de hoja: 31 caracteres como máximo, ninguno de [ ] : * ? / \
batch-result-sheet = Resultados
batch-template-sheet = Pagos
batch-workbook-write-failed = no se pudo escribir el libro: { $error }
batch-workbook-too-many-columns = demasiadas columnas para un libro de Excel
# $country: el nombre del país; $method: lo pedido; $choices: pares "id (etiqueta)".
batch-template-no-method = { $country } no tiene el método de pago { $method }; elija uno de estos: { $choices }
batch-template-no-country = { $country } no es un país en el que paga el escritorio (BR, MX, CO, PE, CL, AR)
batch-template-write-failed = no se pudo escribir la plantilla: { $error }

## El aviso de un lote (un aviso en pantalla y una notificación del sistema). $file: el nombre
## del archivo del lote; $rows: números de fila, cada uno con su código de rechazo entre paréntesis.
batch-notice-late = { $count ->
    [one] { $count } pago rechazado después de COMPLETED, fondos devueltos (filas { $rows })
   *[other] { $count } pagos rechazados después de COMPLETED, fondos devueltos (filas { $rows })
}
batch-notice-rejected = { $count ->
    [one] { $count } pago rechazado (filas { $rows })
   *[other] { $count } pagos rechazados (filas { $rows })
}
batch-notice-held = { $count ->
    [one] { $count } pago en espera por más tiempo que el umbral de alerta, fondos todavía reservados (filas { $rows })
   *[other] { $count } pagos en espera por más tiempo que el umbral de alerta, fondos todavía reservados (filas { $rows })
}
batch-notice-title-final = Lote { $file }: todos los pagos son definitivos
batch-notice-title-rejected = { $count ->
    [one] Lote { $file }: { $count } pago rechazado
   *[other] Lote { $file }: { $count } pagos rechazados
}
batch-notice-title-held = { $count ->
    [one] Lote { $file }: { $count } pago en espera demasiado tiempo
   *[other] Lote { $file }: { $count } pagos en espera demasiado tiempo
}
batch-notice-title-late = { $count ->
    [one] Lote { $file }: rechazo tardío de { $count } pago
   *[other] Lote { $file }: rechazo tardío de { $count } pagos
}
batch-notice-title-several = Lote { $file }: hay pagos que requieren su atención
# $sent: pagos creados; los demás: cuántos terminaron en cada estado (nombres sin traducir).
batch-notice-all-final = Los { $sent } enviados son definitivos: { $completed } COMPLETED, { $rejected } REJECTED, { $cancelled } CANCELLED
# $rows: las primeras filas listadas; $more: cuántas más.
batch-notice-rows-more = { $rows } y { $more } más
