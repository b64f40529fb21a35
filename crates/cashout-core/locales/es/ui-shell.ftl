# La ventana y las palabras que comparten varias vistas (español latinoamericano).

## Navegación
nav-overview = Resumen
nav-new = Nuevo retiro
nav-list = Retiros
nav-batches = Lotes
nav-lookup = Consulta
nav-holds = En espera
nav-approvals = Aprobaciones
nav-audit = Registro de auditoría
nav-settings = Configuración
nav-label = Secciones
toasts-label = Notificaciones

## Botones y encabezados de columna compartidos
open = Abrir
open-payout-label = Abrir el pago { $id }
refresh = Actualizar
col-cashout-id = Id del retiro
col-external-id = Id externo
col-amount = Monto
col-beneficiary = Beneficiario

## Barra del entorno y seguimiento de estados
env-demo-credentials = credenciales de demostración
env-credentials-stored = credenciales guardadas (API Key …{ $last4 })
env-no-credentials = no hay credenciales guardadas
env-no-host = (sin host)
env-real-money = DINERO REAL
env-team-journal = diario del equipo · { $who }
env-team-not-connected = diario del equipo sin conexión: vea Configuración → Diario
watch-offline = Proveedor inalcanzable — consulta de estados en pausa, se reintenta a las { $at }
watch-stalled = Seguimiento de estados en pausa (el diario está ocupado o falla), se reintenta a las { $at }
watch-unavailable = Actualizaciones de estado en vivo no disponibles: { $message }

## Notificaciones y botones de copiar
toast-open-payout = Abrir este pago
toast-dismiss = Descartar: { $title }
copy = Copiar
copy-label = Copiar { $what }
copied = Copiado
not-copied = No se copió: { $message }
