# El formulario de nuevo retiro, la consulta y el diagrama de estados (español latinoamericano).

## Nuevo retiro: el formulario
new-title = Nuevo retiro
new-field-country = País
new-field-method = Método de pago
new-field-bank = Banco
new-field-on-hold = Crear en espera para revisión
new-field-override-check-digits = Aceptar un dígito verificador nacional incorrecto (solo sandbox y staging)
new-section-notification = Notificación y revisión
new-review = Revisar
# El nombre que se muestra para un código de banco ya elegido que la lista del proveedor no ofrece.
new-bank-not-listed = no está en la lista del proveedor

## Nuevo retiro: beneficiarios guardados
new-saved-label = Pagar a un beneficiario guardado
new-saved-choose = — elija —
new-saved-used = Completado con el beneficiario guardado “{ $label }” (guardado por { $who }). Se verifica de nuevo al revisar.
new-saved-delete = Eliminar “{ $label }”…
new-saved-delete-ask = ¿Eliminar el beneficiario guardado “{ $label }”? Los pagos ya realizados conservan lo que enviaron.
new-saved-delete-confirm = Eliminar
new-saved-deleted = Se eliminó “{ $label }”.

## Nuevo retiro: la revisión
new-review-title = Revisión: exactamente lo que se enviará
new-review-warnings = Antes de enviar, tenga en cuenta que:
# $environment es el nombre del entorno, p. ej. d24-production.
new-review-body-note = El cuerpo tal como lo enviará el núcleo, byte por byte, salvo que la API Key muestra solo sus últimos 4 caracteres y la passphrase aparece oculta. Firmado con la API Signature guardada para { $environment } (nunca se muestra).
# $amount y $currency vienen escritos por el núcleo, p. ej. "77.70" y "BRL".
new-send = Enviar { $amount }
new-edit = Editar
new-send-confirm = Enviar pago
new-sending = Enviando…

## Nuevo retiro: después de un rechazo
new-fields-to-fix = { $count ->
    [one] { $count } campo por corregir antes de enviar nada.
   *[other] { $count } campos por corregir antes de enviar nada.
  }
new-decline-next = No se pagó nada. Corrija el pago y revíselo de nuevo.
new-open-earlier = Abrir el pago anterior
new-pay-again = Pagar de nuevo a propósito…
# $state es una etiqueta de estado (p. ej. "Completado") o uno de new-earlier-phase.
new-pay-again-earlier = Ya se solicitó un pago idéntico: { $amount } a { $beneficiary }, id externo { $id }, solicitado el { $requested }, estado actual: { $state }.
new-pay-again-earlier-same-beneficiary = Ya se solicitó un pago idéntico: { $amount } al mismo beneficiario, id externo { $id }, solicitado el { $requested }, estado actual: { $state }.
new-pay-again-earlier-unrecorded = Ya se solicitó un pago idéntico: id externo { $id }.
new-pay-again-ask = ¿Enviar este como un segundo pago, independiente, del mismo dinero a la misma cuenta?
# Dónde está un pago anterior que no tiene estado del proveedor.
new-earlier-phase = { $phase ->
    [queued] en un lote, aún no enviado
    [intent] enviándose
    [unknown] resultado desconocido
    [sent_not_found] enviado, no encontrado en el proveedor
    [created] creado
    [declined] declinado por el proveedor
    [not_sent] no enviado
    [abandoned] abandonado
   *[other] desconocido
  }
new-pay-again-confirm = Pagar de nuevo
new-sending-again = Reenviando con el mismo id externo…
new-retry = Reintentar
new-open-not-sent = Abrirlo
# $id es el id externo del pago que este corrige.
new-unlink = No vincularlo a { $id }

## Consulta
lookup-title = Consulta
lookup-intro = Consulta el retiro con el proveedor en este entorno y lo guarda en el diario.
lookup-by = Buscar por
lookup-value = Valor
lookup-check = Consultar
lookup-bad-id = El id del retiro es un número entero positivo.

## Diagrama de estados (el nombre accesible y las palabras de las flechas)
# $status es una etiqueta de estado, p. ej. "Rechazado".
diagram-now = Diagrama de estados: { $status }.
diagram-now-unknown = Diagrama de estados: un estado que Cashout Desk no conoce.
diagram-now-not-known = Diagrama de estados: estado aún desconocido.
# $path son las etiquetas de estado unidas por flechas, p. ej. "Pendiente → Entregado".
diagram-path = Recorrido: { $path }.
diagram-no-path = Aún sin recorrido.
diagram-edge-hold = retener
diagram-edge-release = liberar
diagram-edge-cancel = cancelar
# Una reversión después de un estado que parecía final (Completado → Rechazado).
diagram-edge-late = tardío
